namespace SnowOps.CrewBot.WeCom;

/// <summary>A callback that cannot be trusted or read; the subclass says why.</summary>
public abstract class WeComCryptoException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>msg_signature is not the SHA-1 of the sorted token, timestamp, nonce and ciphertext: not sent by WeCom.</summary>
public sealed class WeComSignatureException(string message) : WeComCryptoException(message);

/// <summary>The EncodingAESKey is not 43 characters of base64 that decode to a 32-byte AES key.</summary>
public sealed class WeComKeyException(string message, Exception? inner = null) : WeComCryptoException(message, inner);

/// <summary>The decrypted bytes do not end in PKCS#7 padding to a 32-byte block (a wrong key, or altered ciphertext).</summary>
public sealed class WeComPaddingException(string message) : WeComCryptoException(message);

/// <summary>The message decrypted, but was meant for another corp (its receiveid is not ours).</summary>
public sealed class WeComReceiverException(string message) : WeComCryptoException(message);

/// <summary>The ciphertext or its plaintext is not shaped as the scheme describes (not base64, truncated, a length past the end, not XML).</summary>
public sealed class WeComMalformedMessageException(string message, Exception? inner = null) : WeComCryptoException(message, inner);
