using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Complaints;
using SnowOps.Heating.Tests.Registry;

namespace SnowOps.Heating.Tests.Complaints;

/// <summary>A measurement at a compound answers the complaints made before it: each keeps when it was first checked.</summary>
public sealed class When_a_compound_is_checked_after_complaints : IAsyncLifetime
{
    static readonly DateTimeOffset Measured = new(2026, 12, 10, 10, 0, 0, TimeSpan.FromHours(8));
    readonly HeatingApi _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    Task<int> MarkAsync(string compoundId, DateTimeOffset measured) =>
        _api.WithAsync<ComplaintChecks, int>(checks => checks.MarkCheckedAsync(compoundId, measured, CancellationToken.None));

    Task<DateTimeOffset?> FirstCheckedAsync(Complaint complaint) =>
        _api.QueryAsync(db => db.Complaints.AsNoTracking().Where(c => c.Id == complaint.Id).Select(c => c.FirstCheckedAt).SingleAsync());

    [Fact]
    public async Task Should_mark_the_compounds_complaints_made_before_the_measurement()
    {
        var early = await _api.AddAsync("maple-court", Measured.AddHours(-20));
        var recent = await _api.AddAsync("maple-court", Measured.AddMinutes(-10));

        Assert.Equal(2, await MarkAsync("maple-court", Measured));

        Assert.Equal(Measured, await FirstCheckedAsync(early));
        Assert.Equal(Measured, await FirstCheckedAsync(recent));
    }

    [Fact]
    public async Task Should_leave_complaints_made_after_the_measurement_open()
    {
        var later = await _api.AddAsync("maple-court", Measured.AddMinutes(5));

        Assert.Equal(0, await MarkAsync("maple-court", Measured));

        Assert.Null(await FirstCheckedAsync(later));
    }

    [Fact]
    public async Task Should_leave_other_compounds_complaints_alone()
    {
        var birch = await _api.AddAsync("birch-yard", Measured.AddHours(-1));

        await MarkAsync("maple-court", Measured);

        Assert.Null(await FirstCheckedAsync(birch));
    }

    [Fact]
    public async Task Should_keep_the_first_check_when_the_compound_is_measured_again()
    {
        var complaint = await _api.AddAsync("maple-court", Measured.AddHours(-2));

        await MarkAsync("maple-court", Measured);
        Assert.Equal(0, await MarkAsync("maple-court", Measured.AddHours(3)));
        Assert.Equal(0, await MarkAsync("maple-court", Measured));

        Assert.Equal(Measured, await FirstCheckedAsync(complaint));
    }

    [Fact]
    public async Task Should_keep_a_check_already_noted()
    {
        var earlier = Measured.AddHours(-1);
        var complaint = await _api.AddAsync("maple-court", Measured.AddHours(-5), firstChecked: earlier);

        await MarkAsync("maple-court", Measured);

        Assert.Equal(earlier, await FirstCheckedAsync(complaint));
    }
}
