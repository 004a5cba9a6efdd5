namespace SnowOps.Routing.Planning;

/// <summary>
/// Cuts the work into geographic sectors of at most a given number of items by recursive bisection: the longer side of
/// the box is cut where half the work (street length) lies on each side. Each sector is solved on its own.
/// </summary>
public static class Sectors
{
    public static List<List<WorkItem>> Cut(IReadOnlyList<WorkItem> items, Func<WorkItem, (double X, double Y, double Weight)> place, int maxItems)
    {
        var sectors = new List<List<WorkItem>>();
        var placed = items.Select(i => (Item: i, At: place(i))).ToList();
        Split(placed, Math.Max(1, maxItems), sectors);
        return sectors;
    }

    static void Split(List<(WorkItem Item, (double X, double Y, double Weight) At)> items, int maxItems, List<List<WorkItem>> sectors)
    {
        if (items.Count <= maxItems)
        {
            if (items.Count > 0)
                sectors.Add(items.Select(i => i.Item).ToList());
            return;
        }
        var width = items.Max(i => i.At.X) - items.Min(i => i.At.X);
        var height = items.Max(i => i.At.Y) - items.Min(i => i.At.Y);
        var sorted = width >= height
            ? items.OrderBy(i => i.At.X).ThenBy(i => i.Item.Index).ToList()
            : items.OrderBy(i => i.At.Y).ThenBy(i => i.Item.Index).ToList();
        var half = sorted.Sum(i => i.At.Weight) / 2;
        double running = 0;
        var cut = 0;
        while (cut < sorted.Count - 1 && running + sorted[cut].At.Weight <= half)
            running += sorted[cut++].At.Weight;
        // Keep the passes of one street together, and never leave a side empty.
        while (cut > 0 && cut < sorted.Count && sorted[cut].Item.Segment == sorted[cut - 1].Item.Segment)
            cut++;
        cut = Math.Clamp(cut, 1, sorted.Count - 1);
        Split(sorted[..cut], maxItems, sectors);
        Split(sorted[cut..], maxItems, sectors);
    }
}
