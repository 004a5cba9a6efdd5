using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;

namespace SnowOps.Dispatch.Crews;

/// <summary>Gives new work to the crew with the fewest open tasks among those that take that kind of task.</summary>
public sealed class CrewAssigner(DispatchDbContext db, IOptionsMonitor<DispatchOptions> options)
{
    readonly Dictionary<string, int> _open = [];
    bool _loaded;

    public async Task<string?> PickAsync(TaskKind kind, CancellationToken cancellationToken)
    {
        var crews = options.CurrentValue.Crews.Where(c => c.Kinds.Count == 0 || c.Kinds.Contains(kind)).ToList();
        if (crews.Count == 0)
            return null;
        if (!_loaded)
        {
            var counts = await db.Tasks
                .Where(t => t.CrewId != null && t.State != TaskState.Completed && t.State != TaskState.Cancelled && t.State != TaskState.Declined)
                .GroupBy(t => t.CrewId!)
                .Select(g => new { Crew = g.Key, Open = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var count in counts)
                _open[count.Crew] = count.Open;
            _loaded = true;
        }
        var pick = crews.OrderBy(c => _open.GetValueOrDefault(c.Id)).ThenBy(c => c.Id, StringComparer.Ordinal).First();
        _open[pick.Id] = _open.GetValueOrDefault(pick.Id) + 1;
        return pick.Id;
    }
}
