using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SnowOps.Contracts;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;
using SnowOps.ServiceDefaults.Messaging.Outbox;
using SnowOps.Status;
using SnowOps.Status.Data;
using SnowOps.Status.Projections;

namespace SnowOps.IntegrationTests.Projections;

/// <summary>
/// Status's batch projections save two batches at once on PostgreSQL. A batch that shares a task with one still saving
/// must read the task's row after that one commits, or it writes its older view over the newer state.
/// </summary>
public sealed class When_two_batches_change_the_same_task
{
    static readonly DateTimeOffset T0 = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_apply_the_later_batch_to_what_the_earlier_one_saved()
    {
        var infra = new RealInfrastructure();
        await infra.InitializeAsync();
        try
        {
            using var host = Build(infra);
            await using (var scope = host.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<StatusDbContext>().Database.MigrateAsync();
            await host.StartAsync();
            var taskId = Guid.NewGuid();
            await WithDb(host, async db =>
            {
                db.Tasks.Add(new TaskRow { TaskId = taskId, State = TaskState.Assigned, CrewId = "plow-1", StateChanged = T0 });
                await db.SaveChangesAsync();
            });

            // A batch saving the completion holds the row while a batch with an older change, the start, comes in.
            var (table, id, state, changed) = await WithDb(host, db => Task.FromResult((SqlNames.Table<TaskRow>(db),
                SqlNames.Column<TaskRow>(db, nameof(TaskRow.TaskId)), SqlNames.Column<TaskRow>(db, nameof(TaskRow.State)),
                SqlNames.Column<TaskRow>(db, nameof(TaskRow.StateChanged)))));
            await using var first = new NpgsqlConnection(infra.PostgresConnection);
            await first.OpenAsync();
            await using var transaction = await first.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand($"SELECT {id} FROM {table} WHERE {id} = @id FOR UPDATE", first, transaction))
            {
                hold.Parameters.AddWithValue("id", taskId);
                Assert.NotNull(await hold.ExecuteScalarAsync());
            }
            await using (var complete = new NpgsqlCommand($"UPDATE {table} SET {state} = 'Completed', {changed} = @at WHERE {id} = @id", first, transaction))
            {
                complete.Parameters.AddWithValue("id", taskId);
                complete.Parameters.AddWithValue("at", T0.AddMinutes(30));
                Assert.Equal(1, await complete.ExecuteNonQueryAsync());
            }

            await host.Services.GetRequiredService<IBus>().Publish(
                new TaskStateChanged(taskId, Guid.Empty, TaskState.Started, "plow-1", T0.AddMinutes(20)));
            // Long enough for the second batch to be collected and to reach the row.
            await Task.Delay(TimeSpan.FromSeconds(1));
            await transaction.CommitAsync();

            await Eventually.HoldsAsync(() => InboxCountAsync(host), n => n == 1, "the start handled by StateProjection");
            var saved = await WithDb(host, db => db.Tasks.AsNoTracking().SingleAsync(t => t.TaskId == taskId));
            Assert.Equal((TaskState.Completed, T0.AddMinutes(30)), (saved.State, saved.StateChanged!.Value));
        }
        finally
        {
            await infra.DisposeAsync();
        }
    }

    static IHost Build(RealInfrastructure infra)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SnowOps:Transport"] = "InMemory",
            ["SnowOps:Database"] = "Postgres",
            ["ConnectionStrings:Postgres"] = infra.PostgresConnection,
            ["SnowOps:DataDir"] = Path.Combine(Path.GetTempPath(), "snowops-projections-" + Guid.NewGuid().ToString("N")),
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddModuleDatabase<StatusDbContext, StatusSqliteContext, StatusPostgresContext>(StatusModule.Name);
        builder.AddModuleMessaging(StatusModule.AddConsumers);
        builder.AddMessaging();
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        return builder.Build();
    }

    static async Task<T> WithDb<T>(IHost host, Func<StatusDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<StatusDbContext>());
    }

    static Task WithDb(IHost host, Func<StatusDbContext, Task> work) => WithDb(host, async db =>
    {
        await work(db);
        return true;
    });

    static Task<int> InboxCountAsync(IHost host) =>
        WithDb(host, db => db.Set<InboxMessage>().CountAsync(i => i.Consumer == nameof(StateProjection)));
}
