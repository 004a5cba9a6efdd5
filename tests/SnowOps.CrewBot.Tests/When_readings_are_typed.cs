using SnowOps.CrewBot.Chats;

namespace SnowOps.CrewBot.Tests;

/// <summary>How an inspector's message is read: separators, units, the home before the colon, and the decimal comma.</summary>
public sealed class When_readings_are_typed
{
    [Theory]
    [InlineData("18.6 18.4 18.9", null)]
    [InlineData("3-2-401: 18.6 18.4 18.9", "3-2-401")]
    [InlineData("3-2-401：18.6，18.4、18.9", "3-2-401")]
    [InlineData("3-2-401: 18.6, 18.4, 18.9", "3-2-401")]
    [InlineData("3-2-401: 18,6 18,4 18,9", "3-2-401")]
    [InlineData("18.6°C 18.4 °C 18.9℃", null)]
    [InlineData("18.6C; 18.4度 ; 18.9", null)]
    [InlineData("１８．６ 18.4\n18.9", null)]
    public void Should_read_the_numbers_and_the_home(string text, string? home)
    {
        var message = ReadingsMessage.Parse(text);

        Assert.Equal(home, message.Label);
        Assert.Equal([18.6, 18.4, 18.9], message.Readings);
        Assert.Empty(message.NotNumbers);
    }

    [Fact]
    public void Should_read_readings_below_zero()
    {
        Assert.Equal([-1.5, -2.0], ReadingsMessage.Parse("−1.5 -2").Readings);
    }

    [Theory]
    [InlineData("18.6,18.4", "18.6.18.4")]
    [InlineData("18.6 warm", "warm")]
    [InlineData("3-2-401 18.6", "3-2-401")]
    public void Should_not_guess_what_is_no_number(string text, string notNumber)
    {
        Assert.Contains(notNumber, ReadingsMessage.Parse(text).NotNumbers);
    }
}
