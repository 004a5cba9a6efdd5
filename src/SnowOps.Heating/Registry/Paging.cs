using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Heating.Registry;

/// <summary>Pages of a list: <c>?page=</c> from 1, <c>?pageSize=</c> up to 1,000 (100 when not given).</summary>
public static class Paging
{
    public const int DefaultSize = 100;
    public const int MaxSize = 1000;

    public const int MaxPage = 1_000_000;

    public static IResult? Problem(int? page, int? pageSize) =>
        page is < 1 or > MaxPage || pageSize is < 1 or > MaxSize
            ? Problems.BadRequest($"page is 1..{MaxPage}; pageSize is 1..{MaxSize}.")
            : null;

    public static async Task<object> PageAsync<T>(IQueryable<T> ordered, int? page, int? pageSize, Func<T, object> view,
        CancellationToken cancellationToken)
    {
        var (number, size) = (page ?? 1, pageSize ?? DefaultSize);
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new { total, page = number, pageSize = size, items = items.Select(view).ToList() };
    }
}
