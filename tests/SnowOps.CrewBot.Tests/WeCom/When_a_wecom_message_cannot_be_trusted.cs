using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SnowOps.CrewBot.WeCom;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_a_wecom_message_cannot_be_trusted
{
    const string Timestamp = "1764140400";
    const string Nonce = "1372623149";

    readonly WeComCrypto crypto = WeComTestApp.Crypto();

    [Fact]
    public void Should_refuse_a_forged_signature()
    {
        var encrypted = crypto.Encrypt("<xml/>");
        var forged = new WeComCrypto("not-our-token", WeComTestApp.EncodingAesKey, WeComTestApp.CorpId).Sign(Timestamp, Nonce, encrypted);

        Assert.Throws<WeComSignatureException>(() => crypto.DecryptMessage(forged, Timestamp, Nonce, encrypted));
        Assert.Throws<WeComSignatureException>(() => crypto.DecryptMessage(null, Timestamp, Nonce, encrypted));
        Assert.Throws<WeComSignatureException>(() => crypto.DecryptMessage(crypto.Sign(Timestamp, Nonce, encrypted), "1764140401", Nonce, encrypted));
    }

    [Fact]
    public void Should_refuse_tampered_ciphertext_by_its_signature()
    {
        var encrypted = crypto.Encrypt("<xml><EventKey>accept</EventKey></xml>");
        var signature = crypto.Sign(Timestamp, Nonce, encrypted);
        var bytes = Convert.FromBase64String(encrypted);
        bytes[20] ^= 0x01;

        Assert.Throws<WeComSignatureException>(() => crypto.DecryptMessage(signature, Timestamp, Nonce, Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Should_refuse_tampered_ciphertext_even_without_the_signature()
    {
        var bytes = Convert.FromBase64String(crypto.Encrypt("<xml><EventKey>accept</EventKey></xml>"));
        bytes[^17] ^= 0x01; // flips a bit of the last plaintext byte: the padding

        Assert.Throws<WeComPaddingException>(() => crypto.Decrypt(Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Should_refuse_a_message_for_another_corp()
    {
        var encrypted = WeComTestApp.Crypto("ww-some-other-corp").Encrypt("<xml/>");

        Assert.Throws<WeComReceiverException>(() => crypto.Decrypt(encrypted));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(255)]
    public void Should_refuse_a_padding_length_outside_one_to_32(byte pad) =>
        Assert.Throws<WeComPaddingException>(() => crypto.Decrypt(EncryptRaw(Plaintext("<xml/>", 64, pad))));

    [Fact]
    public void Should_refuse_padding_bytes_that_differ_from_its_length()
    {
        var plain = Plaintext("<xml/>", 64, 4);
        plain[^3] = 9;

        Assert.Throws<WeComPaddingException>(() => crypto.Decrypt(EncryptRaw(plain)));
    }

    [Fact]
    public void Should_refuse_a_length_that_runs_past_the_end()
    {
        var plain = Plaintext("<xml/>", 64, 8);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(16), uint.MaxValue);

        Assert.Throws<WeComMalformedMessageException>(() => crypto.Decrypt(EncryptRaw(plain)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Should_refuse_ciphertext_that_is_not_whole_blocks_of_base64(string encrypted) =>
        Assert.Throws<WeComMalformedMessageException>(() => crypto.Decrypt(encrypted));

    [Fact]
    public void Should_fail_only_with_its_own_errors_whatever_the_bytes()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 6) * 16 + (i % 7 == 0 ? random.Next(1, 16) : 0)];
            random.NextBytes(bytes);
            Assert.ThrowsAny<WeComCryptoException>(() => crypto.Decrypt(Convert.ToBase64String(bytes)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("SnowOpsWeComTestKey0123456789abcdefghijklm")]
    [InlineData("SnowOpsWeComTestKey0123456789abcdefghijklmno")]
    [InlineData("SnowOpsWeComTestKey0123456789abcdefghijkl=")]
    [InlineData("SnowOpsWeComTestKey0123456789abcdefghijk!mn")]
    public void Should_refuse_a_malformed_encoding_aes_key(string key) =>
        Assert.Throws<WeComKeyException>(() => new WeComCrypto(WeComTestApp.Token, key, WeComTestApp.CorpId));

    /// <summary>16 random bytes, the length, the message and our corp, then <paramref name="pad"/> repeated up to <paramref name="total"/> bytes.</summary>
    static byte[] Plaintext(string message, int total, byte pad)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var corp = Encoding.UTF8.GetBytes(WeComTestApp.CorpId);
        var plain = new byte[total];
        RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(16), (uint)body.Length);
        body.CopyTo(plain, 20);
        corp.CopyTo(plain, 20 + body.Length);
        plain.AsSpan(20 + body.Length + corp.Length).Fill(pad);
        return plain;
    }

    static string EncryptRaw(byte[] plain)
    {
        var key = WeComCrypto.DecodeKey(WeComTestApp.EncodingAesKey);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }
}
