using System.Collections.Concurrent;
using System.Diagnostics;
using SnowOps.Contracts;

namespace SnowOps.Cli.Bench;

/// <summary>What the benchmark's consumers have seen of the storm under way: one instance per run, shared by its consumers.</summary>
public sealed class StormProgress
{
    readonly ConcurrentDictionary<Guid, TaskCompletionSource> _proposals = new();
    readonly ConcurrentDictionary<Guid, IReadOnlyList<PlannedRoute>> _routes = new();

    public Assignment? Storm { get; private set; }
    public TaskRound? Tasks { get; private set; }
    public BaselineRound? Baseline { get; private set; }

    /// <summary>Gets ready for a snow event: its proposal awaited, its routes at hand for the stand-in Routing, its tasks counted.</summary>
    public Assignment Expect(Guid snowEventId, int tasks, IReadOnlyList<PlannedRoute> routes)
    {
        _proposals[snowEventId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _routes[snowEventId] = routes;
        return Storm = new Assignment(snowEventId, tasks);
    }

    public Task Proposed(Guid snowEventId) => _proposals[snowEventId].Task;

    public void OnProposed(Guid snowEventId)
    {
        if (_proposals.TryGetValue(snowEventId, out var proposal))
            proposal.TrySetResult();
    }

    public IReadOnlyList<PlannedRoute>? RoutesFor(Guid snowEventId) => _routes.GetValueOrDefault(snowEventId);

    public TaskRound StartTasks(Assignment assignment) => Tasks = new TaskRound(assignment);

    public BaselineRound StartBaseline(int[][] lists, bool updateRows) => Baseline = new BaselineRound(Guid.NewGuid(), new CrewRound(lists), updateRows);

    /// <summary>The TaskAssigned messages of one snow event: which crew got each task, in the order the crews were told.</summary>
    public sealed class Assignment(Guid snowEventId, int expected)
    {
        readonly ConcurrentDictionary<Guid, string> _crews = new();
        readonly ConcurrentQueue<Guid> _order = new();
        readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int _unassigned;
        long _first;
        long _last;

        public Guid SnowEventId { get; } = snowEventId;
        public int Expected { get; } = expected;
        public int Assigned => _crews.Count;

        /// <summary>Tasks announced with no crew (left in the unassigned pool).</summary>
        public int Unassigned => Volatile.Read(ref _unassigned);
        public Task Done => _done.Task;
        public long Activated { get; private set; }
        public long LastAssigned => Interlocked.Read(ref _last);
        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Activated, LastAssigned);

        /// <summary>From the activation to the first task a crew was told of.</summary>
        public TimeSpan ToFirst => Interlocked.Read(ref _first) is var first and > 0 ? Stopwatch.GetElapsedTime(Activated, first) : TimeSpan.Zero;

        public void Activate()
        {
            Activated = Stopwatch.GetTimestamp();
            Interlocked.Exchange(ref _last, Activated);
        }

        public void OnAssigned(TaskAssigned message)
        {
            if (message.SnowEventId != SnowEventId)
                return;
            if (message.CrewId is null)
            {
                Interlocked.Increment(ref _unassigned);
                Interlocked.Exchange(ref _last, Stopwatch.GetTimestamp());
                return;
            }
            if (!_crews.TryAdd(message.TaskId, message.CrewId))
                return;
            _order.Enqueue(message.TaskId);
            var now = Stopwatch.GetTimestamp();
            Interlocked.CompareExchange(ref _first, now, 0);
            Interlocked.Exchange(ref _last, now);
            if (_crews.Count == Expected)
                _done.TrySetResult();
        }

        /// <summary>Each crew's tasks in the order it was told of them.</summary>
        public (string[] Crews, Guid[] Tasks, int[][] Lists) Worklists()
        {
            var tasks = _order.ToArray();
            var byCrew = tasks.Select((task, item) => (Crew: _crews[task], Item: item)).GroupBy(x => x.Crew).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            return (byCrew.Select(g => g.Key).ToArray(), tasks, byCrew.Select(g => g.Select(x => x.Item).ToArray()).ToArray());
        }
    }

    /// <summary>The crews answering their tasks; Dispatch's TaskStateChanged confirms each step.</summary>
    public sealed class TaskRound
    {
        readonly Dictionary<Guid, int> _items;

        public TaskRound(Assignment assignment)
        {
            SnowEventId = assignment.SnowEventId;
            (Crews, TaskIds, var lists) = assignment.Worklists();
            _items = TaskIds.Select((task, item) => (task, item)).ToDictionary(x => x.task, x => x.item);
            Round = new CrewRound(lists);
            Lists = lists;
        }

        public Guid SnowEventId { get; }
        public string[] Crews { get; }
        public Guid[] TaskIds { get; }
        public int[][] Lists { get; }
        public CrewRound Round { get; }

        public int? ItemOf(Guid taskId) => _items.TryGetValue(taskId, out var item) ? item : null;

        public object Report(int crew, int item, int step)
        {
            var (task, crewId, now) = (TaskIds[item], Crews[crew], DateTimeOffset.UtcNow);
            return step switch
            {
                1 => new TaskAccepted(task, crewId, now),
                2 => new TaskStarted(task, crewId, now),
                _ => new TaskCompleted(task, crewId, now, null),
            };
        }
    }

    /// <summary>The same crews and lists carrying a baseline's pings, each confirmed by a pong.</summary>
    public sealed record BaselineRound(Guid RunId, CrewRound Round, bool UpdateRows)
    {
        public object Ping(int item, int step) => UpdateRows
            ? new RowBaselinePing(RunId, BaselineTable.RowOf(item), step)
            : new BaselinePing(RunId, BaselineTable.RowOf(item), step);
    }
}
