using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace SnowOps.Status.Projections;

static class RowLookup
{
    /// <summary>The row the key finds, or a new one added to the set.</summary>
    public static async Task<T> FindOrAdd<T>(this DbSet<T> set, Expression<Func<T, bool>> key, Func<T> create, CancellationToken cancellationToken)
        where T : class
    {
        var row = await set.FirstOrDefaultAsync(key, cancellationToken);
        if (row is not null)
            return row;
        row = create();
        set.Add(row);
        return row;
    }
}
