using SnowOps.Contracts;

namespace SnowOps.CrewBot.Tests;

public sealed class When_readings_are_asked_for_by_command : ReadingSpec
{
    [Fact]
    public async Task Should_start_the_crews_only_open_check()
    {
        await CheckOnScreenAsync();

        await UpdateAsync(Samples.Text(NextUpdateId(), "/reading"));
        Assert.Contains("take at least 5 readings", LastAnswer());
        await UpdateAsync(Message("3-2-401: 18.6 18.4 18.9 18.7 19.0"));

        Assert.Equal(TaskId, Assert.Single(Published<IndoorTemperatureRecorded>()).TaskId);
    }

    [Fact]
    public async Task Should_list_several_open_checks_and_leave_the_choice_to_the_cards()
    {
        await CheckOnScreenAsync();
        await CrewBot.DeliverAsync(Check("chaoyang-tuanjiehu-1", Guid.NewGuid(), "Check the indoor temperature at Tuanjiehu 1"));

        await UpdateAsync(Samples.Text(NextUpdateId(), "/reading"));

        var answer = LastAnswer();
        Assert.Contains("2 open temperature checks; press Readings on the card", answer);
        Assert.Contains("• Check the indoor temperature at Hujialou 3 – Compound: chaoyang-hujialou-3", answer);
        Assert.Contains("• Check the indoor temperature at Tuanjiehu 1 – Compound: chaoyang-tuanjiehu-1", answer);
        await UpdateAsync(Message("3-2-401: 18.6 18.4 18.9 18.7 19.0"));
        Assert.Empty(Published<IndoorTemperatureRecorded>());
    }

    [Fact]
    public async Task Should_say_so_when_the_crew_has_no_open_check()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(Assigned());

        await UpdateAsync(Samples.Text(NextUpdateId(), "/reading"));

        Assert.Equal("Your crew has no open temperature check.", LastAnswer());
    }

    [Fact]
    public async Task Should_name_the_command_in_help()
    {
        await EnrolJohnAsync();

        await UpdateAsync(Samples.Text(NextUpdateId(), "/help"));

        Assert.Contains("/reading – enter the readings of a temperature check", LastAnswer());
    }
}
