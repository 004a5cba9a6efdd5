using System.Net;
using SnowOps.Heating.Complaints;
using SnowOps.Heating.Tests.Registry;

namespace SnowOps.Heating.Tests.Complaints;

/// <summary>Compounds with many complaints go first: the count is over a rolling window that ends now.</summary>
public sealed class When_complaints_are_counted : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2026, 12, 10, 8, 0, 0, TimeSpan.FromHours(8));
    readonly HeatingApi _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    Task<IReadOnlyDictionary<string, int>> CountAsync(DateTimeOffset now) =>
        _api.WithAsync<ComplaintCounts, IReadOnlyDictionary<string, int>>(counts => counts.PerCompoundAsync(now, CancellationToken.None));

    [Fact]
    public async Task Should_count_each_compounds_complaints_of_the_last_seven_days()
    {
        await _api.AddAsync("maple-court", Now.AddHours(-1));
        await _api.AddAsync("maple-court", Now.AddDays(-3));
        await _api.AddAsync("maple-court", Now.AddDays(-6.9));
        await _api.AddAsync("birch-yard", Now.AddDays(-2));

        var counts = await CountAsync(Now);

        Assert.Equal(new Dictionary<string, int> { ["maple-court"] = 3, ["birch-yard"] = 1 }, counts);
    }

    [Fact]
    public async Task Should_leave_out_complaints_older_than_the_window_or_after_now()
    {
        await _api.AddAsync("maple-court", Now.AddDays(-7));
        await _api.AddAsync("maple-court", Now.AddDays(-7.5));
        await _api.AddAsync("maple-court", Now.AddMinutes(1));
        await _api.AddAsync("maple-court", Now.AddDays(-1));

        Assert.Equal(1, (await CountAsync(Now))["maple-court"]);
    }

    [Fact]
    public async Task Should_not_count_complaints_nobody_has_matched_yet()
    {
        await _api.AddAsync(null, Now.AddHours(-1));

        Assert.Empty(await CountAsync(Now));
    }

    [Fact]
    public async Task Should_roll_with_the_time_it_is_asked_for()
    {
        await _api.AddAsync("maple-court", Now.AddDays(-6));

        Assert.Single(await CountAsync(Now));
        Assert.Empty(await CountAsync(Now.AddDays(2)));
    }

    [Fact]
    public async Task Should_show_the_counts_over_http()
    {
        await _api.AddAsync("maple-court", _api.Now.AddHours(-5));

        var response = await _api.As("committee").GetAsync("/api/heating/complaints/counts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await HeatingApi.JsonAsync(response)).GetProperty("counts").GetProperty("maple-court").GetInt32());
    }
}

/// <summary>A city that counts over three days.</summary>
public sealed class When_a_city_counts_complaints_over_its_own_window : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2026, 12, 10, 8, 0, 0, TimeSpan.Zero);
    readonly HeatingApi _api = new(new() { ["SnowOps:Heating:ComplaintWindowDays"] = "3" });

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Should_count_only_that_many_days_back()
    {
        await _api.AddAsync("maple-court", Now.AddDays(-2));
        await _api.AddAsync("maple-court", Now.AddDays(-4));

        var counts = await _api.WithAsync<ComplaintCounts, IReadOnlyDictionary<string, int>>(c => c.PerCompoundAsync(Now, CancellationToken.None));

        Assert.Equal(1, counts["maple-court"]);
    }
}
