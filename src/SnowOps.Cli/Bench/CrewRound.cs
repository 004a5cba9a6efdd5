using System.Diagnostics;

namespace SnowOps.Cli.Bench;

/// <summary>
/// Crews working through their lists the way a crew does: each of its items answered in three steps (accept, start,
/// complete), the next step only once the last was confirmed, the next item once the last was complete. So each crew has
/// one report in flight, every crew works at once, and no two reports on the same item race each other.
/// Items are numbered 0..n-1; what an item is (a task, a baseline row) is the caller's business.
/// </summary>
public sealed class CrewRound
{
    public const int Steps = 3;

    readonly int[][] _lists;
    readonly int[] _crewOf;
    readonly int[] _positionOf;
    readonly int[] _steps;
    readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly Lock _lock = new();
    int _confirmed;
    int _unexpected;
    long _last;

    public CrewRound(int[][] lists)
    {
        _lists = lists;
        var items = lists.Sum(l => l.Length);
        (_crewOf, _positionOf, _steps) = (new int[items], new int[items], new int[items]);
        for (var crew = 0; crew < lists.Length; crew++)
        {
            for (var position = 0; position < lists[crew].Length; position++)
                (_crewOf[lists[crew][position]], _positionOf[lists[crew][position]]) = (crew, position);
        }
        Expected = items * Steps;
        if (Expected == 0)
            _done.TrySetResult();
    }

    public int Expected { get; }
    public int Confirmed => Volatile.Read(ref _confirmed);

    /// <summary>Confirmations that fit no step: a state the crews did not report, or one confirmed twice.</summary>
    public int Unexpected => Volatile.Read(ref _unexpected);
    public Task Done => _done.Task;
    public long Started { get; private set; }
    public long LastConfirmed => Interlocked.Read(ref _last);
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Started, LastConfirmed);

    /// <summary>The first step of each crew's first item: what the crews send when the round starts.</summary>
    public IEnumerable<(int Crew, int Item, int Step)> Start()
    {
        Started = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _last, Started);
        return _lists.Select((list, crew) => (crew, list)).Where(c => c.list.Length > 0).Select(c => (c.crew, c.list[0], 1)).ToList();
    }

    public int CrewOf(int item) => _crewOf[item];

    /// <summary>Records that <paramref name="step"/> of <paramref name="item"/> was confirmed; returns what its crew sends next, if anything.</summary>
    public (int Crew, int Item, int Step)? Confirm(int item, int step)
    {
        int crew;
        lock (_lock)
        {
            if (item < 0 || item >= _steps.Length || step != _steps[item] + 1)
            {
                _unexpected++;
                return null;
            }
            _steps[item] = step;
            crew = _crewOf[item];
        }
        Interlocked.Exchange(ref _last, Stopwatch.GetTimestamp());
        if (Interlocked.Increment(ref _confirmed) == Expected)
            _done.TrySetResult();
        if (step < Steps)
            return (crew, item, step + 1);
        var next = _positionOf[item] + 1;
        return next < _lists[crew].Length ? (crew, _lists[crew][next], 1) : null;
    }
}
