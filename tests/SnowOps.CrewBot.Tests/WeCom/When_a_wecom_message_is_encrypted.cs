using SnowOps.CrewBot.WeCom;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_a_wecom_message_is_encrypted
{
    // Derived outside .NET from the documented algorithm: plaintext = "0123456789abcdef" (ASCII, standing in for the
    // random prefix) + 0x0000001A + UTF-8 "Tonghui bridge 扫雪 done" (26 bytes) + "ww0123456789abcdef", padded with
    // 32 bytes of 0x20 (64 bytes is already a multiple of 32, so a whole block of padding), encrypted with
    // `openssl enc -aes-256-cbc -nopad -K <base64(EncodingAESKey + "=") as hex> -iv <its first 16 bytes>` and
    // base64-encoded; the signature is `sha1` of the sorted strings "1372623149", "1764140400", "snowops" and
    // that ciphertext, joined.
    const string KnownCiphertext =
        "FA6RpJrL5u+2K69tN/X0nj4GxhR+uRjOLkwVHTpP+tsqHKvkfVRZSttBl5jM/fgGy96TFU1fuZ9K/qsgJj/YYd3iRbVT1Q3gkp992Uv2qW3PyoMypH+0cwarYEg4nhHD";
    const string KnownSignature = "1283abfb105a983ff11c1a03684e5071ad029d61";
    const string KnownMessage = "Tonghui bridge 扫雪 done";

    [Fact]
    public void Should_decrypt_what_it_encrypted()
    {
        var crypto = WeComTestApp.Crypto();
        const string message = "<xml><Content><![CDATA[东三环 bridges de-iced, 12 km]]></Content></xml>";

        var encrypted = crypto.Encrypt(message);

        Assert.Equal(message, crypto.Decrypt(encrypted));
        Assert.NotEqual(encrypted, crypto.Encrypt(message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("exactly-enough-to-fill-a-block")]
    public void Should_round_trip_messages_of_any_length(string message)
    {
        var crypto = WeComTestApp.Crypto();

        Assert.Equal(message, crypto.Decrypt(crypto.Encrypt(message)));
    }

    [Fact]
    public void Should_produce_the_vector_derived_from_the_documented_algorithm()
    {
        var crypto = WeComTestApp.Crypto();

        Assert.Equal(KnownCiphertext, crypto.Encrypt(KnownMessage, "0123456789abcdef"u8));
        Assert.Equal(KnownSignature, crypto.Sign("1764140400", "1372623149", KnownCiphertext));
        Assert.Equal(KnownMessage, crypto.DecryptMessage(KnownSignature, "1764140400", "1372623149", KnownCiphertext));
    }

    [Fact]
    public void Should_read_the_example_in_the_wecom_documentation()
    {
        // The worked example of WeCom's 加解密方案说明: corp wx5823bf96d3bd56c7, token QDG6eK and the EncodingAESKey
        // below, a POST with msg_signature 477715d1… over timestamp 1409659813 and nonce 1372623149.
        var crypto = new WeComCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7");
        const string encrypted =
            "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

        var message = crypto.DecryptMessage("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", encrypted);

        var text = Assert.IsType<WeComTextMessage>(WeComCallbackXml.Parse(message));
        Assert.Equal("mycreate", text.FromUser);
        Assert.Equal("hello", text.Content);
        Assert.Equal(218, text.AgentId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1409659813), text.CreatedAt);
    }

    [Fact]
    public void Should_answer_the_url_check_in_the_wecom_documentation()
    {
        var crypto = new WeComCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7");

        var echo = crypto.VerifyUrl("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780",
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==");

        Assert.Equal("1616140317555161061", echo);
    }

    [Fact]
    public void Should_sign_a_passive_reply_so_that_it_verifies()
    {
        var crypto = WeComTestApp.Crypto();

        var reply = System.Xml.Linq.XElement.Parse(crypto.EncryptReply("<xml><Content>收到</Content></xml>", "1764140400", "42"));

        Assert.Equal("<xml><Content>收到</Content></xml>", crypto.DecryptMessage(
            reply.Element("MsgSignature")!.Value, reply.Element("TimeStamp")!.Value, reply.Element("Nonce")!.Value, reply.Element("Encrypt")!.Value));
    }
}
