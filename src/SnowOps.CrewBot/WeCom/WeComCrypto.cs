using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace SnowOps.CrewBot.WeCom;

/// <summary>
/// WeCom's callback encryption (加解密方案): msg_signature = SHA-1 hex of the sorted token, timestamp, nonce and
/// ciphertext; ciphertext = base64(AES-256-CBC(16 random bytes + 4-byte big-endian length + message + receiveid)),
/// with key = base64(EncodingAESKey + "="), IV = the key's first 16 bytes, and PKCS#7 padding to a 32-byte block.
/// The receiveid is the CorpID for a self-built app.
/// </summary>
public sealed class WeComCrypto
{
    const int KeyLength = 32;
    const int PadBlock = 32;
    const int RandomLength = 16;
    const int HeaderLength = RandomLength + sizeof(uint);

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    readonly string token;
    readonly byte[] key;
    readonly string receiveId;

    public WeComCrypto(string token, string encodingAesKey, string receiveId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(receiveId);
        this.token = token;
        key = DecodeKey(encodingAesKey);
        this.receiveId = receiveId;
    }

    public static WeComCrypto For(WeComOptions options) => new(options.Token, options.EncodingAesKey, options.CorpId);

    /// <summary>The 32-byte AES key, after checking the EncodingAESKey is 43 characters of base64.</summary>
    public static byte[] DecodeKey(string? encodingAesKey)
    {
        if (encodingAesKey is null || encodingAesKey.Length != 43)
            throw new WeComKeyException($"The EncodingAESKey must be 43 characters long, not {encodingAesKey?.Length ?? 0}.");
        if (!encodingAesKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
            throw new WeComKeyException("The EncodingAESKey may hold only base64 characters (A-Z, a-z, 0-9, + and /).");
        try
        {
            var decoded = Convert.FromBase64String(encodingAesKey + "=");
            return decoded.Length == KeyLength
                ? decoded
                : throw new WeComKeyException($"The EncodingAESKey decodes to {decoded.Length} bytes, not {KeyLength}.");
        }
        catch (FormatException e)
        {
            throw new WeComKeyException("The EncodingAESKey is not base64.", e);
        }
    }

    /// <summary>msg_signature for these values: SHA-1, lower-case hex, of the four strings sorted and joined.</summary>
    public string Sign(string timestamp, string nonce, string encrypted)
    {
        string[] parts = [token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    public void VerifySignature(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        if (string.IsNullOrEmpty(signature) || timestamp is null || nonce is null || encrypted is null)
            throw new WeComSignatureException("The callback lacks msg_signature, timestamp, nonce or the ciphertext.");
        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, nonce, encrypted));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
            throw new WeComSignatureException("The msg_signature does not match: the callback was not signed with our token.");
    }

    /// <summary>The URL check WeCom makes when the callback is configured: the echostr's plaintext, to be answered as is.</summary>
    public string VerifyUrl(string? signature, string? timestamp, string? nonce, string? echo)
    {
        VerifySignature(signature, timestamp, nonce, echo);
        return Decrypt(echo!);
    }

    /// <summary>A callback's inner XML, once its signature is checked.</summary>
    public string DecryptMessage(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        VerifySignature(signature, timestamp, nonce, encrypted);
        return Decrypt(encrypted!);
    }

    public string Decrypt(string encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException e)
        {
            throw new WeComMalformedMessageException("The ciphertext is not base64.", e);
        }
        if (cipher.Length == 0 || cipher.Length % 16 != 0)
            throw new WeComMalformedMessageException($"The ciphertext is {cipher.Length} bytes, not a whole number of AES blocks.");

        using var aes = Aes.Create();
        aes.Key = key;
        var padded = aes.DecryptCbc(cipher, key.AsSpan(0, 16), PaddingMode.None);
        var plain = padded.AsSpan(0, padded.Length - PaddingLength(padded));

        if (plain.Length < HeaderLength)
            throw new WeComMalformedMessageException("The plaintext is shorter than its random prefix and length.");
        var length = BinaryPrimitives.ReadUInt32BigEndian(plain.Slice(RandomLength, sizeof(uint)));
        if (length > plain.Length - HeaderLength)
            throw new WeComMalformedMessageException($"The message length {length} runs past the end of the plaintext.");
        var message = plain.Slice(HeaderLength, (int)length);
        var receiver = plain[(HeaderLength + (int)length)..];
        if (!receiver.SequenceEqual(Encoding.UTF8.GetBytes(receiveId)))
            throw new WeComReceiverException("The message was encrypted for another receiver, not this corp.");
        try
        {
            return StrictUtf8.GetString(message);
        }
        catch (DecoderFallbackException e)
        {
            throw new WeComMalformedMessageException("The message is not UTF-8.", e);
        }
    }

    public string Encrypt(string message)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        return Encrypt(message, random);
    }

    /// <summary>Encrypts with a given 16-byte prefix instead of a random one: for reproducible vectors only.</summary>
    internal string Encrypt(string message, ReadOnlySpan<byte> randomPrefix)
    {
        if (randomPrefix.Length != RandomLength)
            throw new ArgumentException($"The prefix must be {RandomLength} bytes.", nameof(randomPrefix));
        var body = Encoding.UTF8.GetBytes(message);
        var receiver = Encoding.UTF8.GetBytes(receiveId);
        var unpadded = HeaderLength + body.Length + receiver.Length;
        var pad = PadBlock - unpadded % PadBlock;
        var plain = new byte[unpadded + pad];
        randomPrefix.CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength), (uint)body.Length);
        body.CopyTo(plain, HeaderLength);
        receiver.CopyTo(plain, HeaderLength + body.Length);
        plain.AsSpan(unpadded).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>A passive reply as WeCom expects it: the encrypted message, its signature, timestamp and nonce.</summary>
    public string EncryptReply(string message, string timestamp, string nonce)
    {
        var encrypted = Encrypt(message);
        return new XElement("xml",
            new XElement("Encrypt", encrypted),
            new XElement("MsgSignature", Sign(timestamp, nonce, encrypted)),
            new XElement("TimeStamp", timestamp),
            new XElement("Nonce", nonce)).ToString(SaveOptions.DisableFormatting);
    }

    static int PaddingLength(ReadOnlySpan<byte> padded)
    {
        int pad = padded[^1];
        if (pad is < 1 or > PadBlock || pad > padded.Length)
            throw new WeComPaddingException($"The last byte {pad} is not a PKCS#7 padding length of 1 to {PadBlock}.");
        if (padded[^pad..].ContainsAnyExcept((byte)pad))
            throw new WeComPaddingException("The PKCS#7 padding bytes are not all equal to its length.");
        return pad;
    }
}
