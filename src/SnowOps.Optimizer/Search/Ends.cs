namespace SnowOps.Optimizer.Search;

/// <summary>
/// A partial route from the depot: its least cost when its last task ends in mode 0 or in mode 1, and the vertex each
/// mode ends at. Moves are priced by chaining these with tasks and closing them on a suffix.
/// </summary>
readonly record struct Ends(long Cost0, long Cost1, int At0, int At1);
