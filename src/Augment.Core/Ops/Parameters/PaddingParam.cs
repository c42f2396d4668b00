using Augment.Core.Config;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Ops.Parameters;

/// <summary>
/// Padding in pixels as Albumentations' Pad takes it: one number for every side, [left/right,
/// top/bottom], or [left, top, right, bottom]. The canonical value is always the four sides.
/// </summary>
public sealed class PaddingParam(string name, string description) : ParamSpec(name, description)
{
    private const long Max = 100_000;

    public override JToken? Default => new JArray(0L, 0L, 0L, 0L);

    public override string TypeText => "int, [int, int] or [int, int, int, int]";

    public override string RangeText => $"each 0 to {Max}: all sides; [left/right, top/bottom]; or [left, top, right, bottom]";

    public override JToken Bind(ConfigNode node, ConfigReader reader, string what)
    {
        if (node is not SequenceNode list)
        {
            var all = reader.Integer(node, what, 0, Max);
            return new JArray(all, all, all, all);
        }

        var sides = list.Items.Select((n, i) => reader.Integer(n, $"{what}[{i}]", 0, Max)).ToArray();
        return sides.Length switch
        {
            2 => new JArray(sides[0], sides[1], sides[0], sides[1]),
            4 => new JArray(sides[0], sides[1], sides[2], sides[3]),
            _ => throw reader.Error(ConfigErrorCode.InvalidValue, node, $"{what} has {sides.Length} values; give one, [left/right, top/bottom] or [left, top, right, bottom]"),
        };
    }
}
