namespace SnowOps.Routing.Network.Import;

/// <summary>Which way a street is driven and how many plow passes each direction takes.</summary>
/// <param name="Reversed">A one-way street drawn against its direction (<c>oneway=-1</c>): turned round before it is stored.</param>
/// <param name="Forward">Passes along the stored direction.</param>
/// <param name="Backward">Passes the other way; 0 on a one-way street.</param>
public readonly record struct Travel(bool OneWay, bool Reversed, int Forward, int Backward)
{
    /// <summary>
    /// <c>oneway=yes|1|true</c> forward, <c>-1|reverse</c> backward, <c>no|false|0</c> both ways; without a tag,
    /// the city's one-way highways and junctions (motorways, roundabouts) are one-way and the rest two-way.
    /// Lanes: <c>lanes:forward</c>/<c>lanes:backward</c>, else <c>lanes</c> (split between the directions of a two-way street).
    /// </summary>
    public static Travel Of(IReadOnlyDictionary<string, string> tags, RoadRules rules)
    {
        var oneway = RoadTags.Get(tags, "oneway")?.ToLowerInvariant();
        var forwardOnly = oneway switch
        {
            "yes" or "1" or "true" => true,
            "-1" or "reverse" => false,
            "no" or "false" or "0" => (bool?)null,
            _ => rules.IsOneWayHighway(RoadTags.Get(tags, "highway")?.ToLowerInvariant())
                || rules.IsOneWayJunction(RoadTags.Get(tags, "junction")?.ToLowerInvariant()) ? true : null,
        };

        var lanes = RoadTags.Lanes(tags, "lanes");
        var lanesForward = RoadTags.Lanes(tags, "lanes:forward");
        var lanesBackward = RoadTags.Lanes(tags, "lanes:backward");
        if (forwardOnly is true)
            return new Travel(true, false, rules.Passes(lanesForward ?? lanes), 0);
        if (forwardOnly is false)
            return new Travel(true, true, rules.Passes(lanesBackward ?? lanes), 0);

        // A two-way street: what is given for one direction, else what the total leaves for it, else half the total.
        lanesForward ??= lanes - lanesBackward is > 0 and var rest ? rest : Half(lanes, roundUp: true);
        lanesBackward ??= lanes - lanesForward is > 0 and var left ? left : Half(lanes, roundUp: false);
        return new Travel(false, false, rules.Passes(lanesForward), rules.Passes(lanesBackward));
    }

    static int? Half(int? lanes, bool roundUp) => lanes is null ? null : roundUp ? (lanes.Value + 1) / 2 : lanes.Value / 2;
}
