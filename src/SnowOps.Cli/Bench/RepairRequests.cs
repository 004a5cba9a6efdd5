using MassTransit;
using SnowOps.Contracts;
using SnowOps.Heating.Deficiencies;

namespace SnowOps.Cli.Bench;

/// <summary>Counts the heating repairs Heating asks Dispatch for, standing in for Dispatch on the benchmark's bus.</summary>
public sealed class RepairRequests
{
    int _count;

    public int Count => Volatile.Read(ref _count);

    internal void Add() => Interlocked.Increment(ref _count);
}

/// <summary>Takes each repair request off the bus and counts it; nothing else.</summary>
public sealed class RepairRequestCounter(RepairRequests requests) : IConsumer<CrewTaskRequested>
{
    public Task Consume(ConsumeContext<CrewTaskRequested> context)
    {
        if (context.Message.Kind == TaskKind.HeatingRepair && context.Message.RequestedBy == DeficiencyDesk.RequestedBy)
            requests.Add();
        return Task.CompletedTask;
    }
}
