using Microsoft.EntityFrameworkCore;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.IntegrationTests.BulkWrites;

/// <summary><see cref="BulkSave"/> on PostgreSQL: a batch's changed rows in one statement, each with its own values and its own version check.</summary>
public sealed class When_a_batch_is_saved_in_bulk
{
    static readonly DateTimeOffset T0 = new(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Should_write_every_row_of_one_shape_with_its_own_values_in_one_update()
    {
        await using var world = await TallyWorld.StartAsync();
        var ids = await world.SeedAsync(12);

        await using (var db = world.Open())
        {
            var tallies = await db.Tallies.Where(t => ids.Contains(t.Id)).ToListAsync();
            foreach (var (tally, i) in tallies.OrderBy(t => t.Note).Select((t, i) => (t, i)))
            {
                tally.State = TallyState.Done;
                tally.Version++;
                tally.Done = T0.AddMinutes(i);
                tally.Note = i % 3 == 0 ? null : $"done {i}";
                tally.Share = i / 12.0;
            }
            world.Statements.Clear();
            Assert.True(await TallyWorld.SaveInUnitAsync(db));
            Assert.False(db.ChangeTracker.HasChanges());
            Assert.False(await TallyWorld.SaveInUnitAsync(db));
            Assert.Equal(1, world.Statements.Count("UPDATE"));

            // Outside a transaction Entity Framework saves, one statement a row.
            foreach (var tally in tallies)
                tally.Version++;
            world.Statements.Clear();
            await db.SaveInBulkAsync(CancellationToken.None);
            Assert.Equal(tallies.Count, world.Statements.Count("UPDATE"));
        }

        var rows = await world.ReadAsync();
        var ordered = ids.Select(id => rows[id]).OrderBy(r => r.Done).ToList();
        Assert.All(ordered, r => Assert.Equal((TallyState.Done, 2), (r.State, r.Version)));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => T0.AddMinutes(i)), ordered.Select(r => r.Done!.Value));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? null : $"done {i}"), ordered.Select(r => r.Note));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i / 12.0), ordered.Select(r => r.Share!.Value));
    }

    [Fact]
    public async Task Should_save_nothing_of_the_batch_when_one_row_was_changed_since_it_was_read()
    {
        await using var world = await TallyWorld.StartAsync();
        var ids = await world.SeedAsync(6);
        await using var db = world.Open();
        var tallies = await db.Tallies.Where(t => ids.Contains(t.Id)).ToListAsync();

        await using (var other = world.Open())
        {
            var first = await other.Tallies.SingleAsync(t => t.Id == ids[0]);
            first.Version++;
            first.Note = "changed meanwhile";
            await other.SaveChangesAsync();
        }
        foreach (var tally in tallies)
        {
            tally.State = TallyState.Done;
            tally.Version++;
        }

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => TallyWorld.SaveInUnitAsync(db));

        var rows = await world.ReadAsync();
        Assert.Equal("changed meanwhile", rows[ids[0]].Note);
        Assert.All(ids, id => Assert.Equal(TallyState.Open, rows[id].State));
    }

    [Fact]
    public async Task Should_leave_added_rows_and_a_few_changes_to_entity_framework_in_the_same_save()
    {
        await using var world = await TallyWorld.StartAsync();
        var ids = await world.SeedAsync(BulkSave.Threshold + 2);
        await using (var db = world.Open())
        {
            var tallies = await db.Tallies.Where(t => ids.Contains(t.Id)).ToListAsync();
            foreach (var tally in tallies)
                tally.State = TallyState.Done;
            // Another shape, too few for a statement of its own.
            tallies[0].Note = "and a note";
            db.Tallies.Add(new Tally { Id = Guid.NewGuid(), Note = "added" });
            world.Statements.Clear();
            await TallyWorld.SaveInUnitAsync(db);
        }

        var rows = await world.ReadAsync();
        Assert.Equal(ids.Count + 1, rows.Count);
        Assert.All(ids, id => Assert.Equal(TallyState.Done, rows[id].State));
        Assert.Single(rows.Values, r => r.Note == "and a note");
        Assert.Contains(rows.Values, r => r.Note == "added");
        // One statement for the five of one shape, one for the row of its own.
        Assert.Equal(2, world.Statements.Count("UPDATE"));
    }
}
