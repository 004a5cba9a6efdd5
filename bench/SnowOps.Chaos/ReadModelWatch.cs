using Npgsql;

namespace SnowOps.Chaos;

/// <summary>
/// Looks at the database five times a second while a fault runs: how many of the run's tasks are completed in Dispatch and
/// in the read model, the newest completion time the read model holds (the time the bot stamped on the event), and how
/// many messages Dispatch has saved in its outbox and not yet sent. A look that fails (the database is restarting) is skipped.
/// </summary>
public sealed class ReadModelWatch : IAsyncDisposable
{
    public sealed record Sample(DateTimeOffset At, long Dispatch, long ReadModel, DateTimeOffset? NewestInReadModel, long Unsent);

    readonly NpgsqlDataSource _db;
    readonly Guid _snowEventId;
    readonly List<Sample> _samples = [];
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;

    public ReadModelWatch(NpgsqlDataSource db, Guid snowEventId)
    {
        (_db, _snowEventId) = (db, snowEventId);
        _loop = Task.Run(LoopAsync);
    }

    public Sample? Last
    {
        get
        {
            lock (_samples)
                return _samples.Count > 0 ? _samples[^1] : null;
        }
    }

    /// <summary>When the read model first held a completion the bot made at or after <paramref name="since"/>.</summary>
    public DateTimeOffset? FirstHolding(DateTimeOffset since)
    {
        lock (_samples)
            return _samples.FirstOrDefault(s => s.At >= since && s.NewestInReadModel >= since)?.At;
    }

    /// <summary>When the read model first held <paramref name="count"/> completions.</summary>
    public DateTimeOffset? FirstReaching(long count)
    {
        lock (_samples)
            return _samples.FirstOrDefault(s => s.ReadModel >= count)?.At;
    }

    /// <summary>Whether neither count has moved for <paramref name="quiet"/>.</summary>
    public bool QuietFor(TimeSpan quiet)
    {
        lock (_samples)
        {
            if (_samples.Count == 0 || _samples[^1].At - _samples[0].At < quiet)
                return false;
            var last = _samples[^1];
            return _samples.Where(s => s.At >= last.At - quiet).All(s => s.Dispatch == last.Dispatch && s.ReadModel == last.ReadModel);
        }
    }

    async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using var command = _db.CreateCommand("""
                    SELECT (SELECT count(*) FROM dispatch.tasks WHERE "SnowEventId" = @e AND "State" = 'Completed'),
                           count(*), max("StateChanged"), (SELECT count(*) FROM dispatch.outbox_messages)
                      FROM status.tasks WHERE "SnowEventId" = @e AND "State" = 'Completed'
                    """);
                command.Parameters.AddWithValue("e", _snowEventId);
                await using var reader = await command.ExecuteReaderAsync(_stop.Token);
                await reader.ReadAsync(_stop.Token);
                var sample = new Sample(DateTimeOffset.UtcNow, reader.GetInt64(0), reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt64(3));
                lock (_samples)
                    _samples.Add(sample);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The database is away: no sample this time.
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await Task.Delay(200, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
