using Newtonsoft.Json.Linq;
using Augment.Core.Ops;

namespace Augment.Core.Pipeline;

/// <summary>
/// What produced one output item: its derived seed (docs/randomness.md), every op with whether it
/// fired and its exact parameters, and how many resampling passes the render took. The manifest
/// records it per item; replaying it renders the same bytes without drawing a random number.
/// </summary>
public sealed record ItemRecord(string Seed, IReadOnlyList<OpRecord> Ops, int Passes)
{
    public JObject ToJson() => new()
    {
        ["seed"] = Seed,
        ["passes"] = Passes,
        ["ops"] = new JArray(Ops.Select(OpRecordJson.ToJson)),
    };

    public static ItemRecord FromJson(JObject json, IReadOnlyList<IOp> pipeline) => new(
        json.Value<string>("seed") ?? throw new FormatException("an item record needs a seed"),
        ((JArray?)json["ops"] ?? []).Cast<JObject>().Select(o => OpRecordJson.FromJson(o, pipeline)).ToList(),
        json.Value<int>("passes"));
}
