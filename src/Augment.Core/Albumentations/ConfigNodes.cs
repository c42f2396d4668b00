using System.Globalization;
using Augment.Core.Config;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Albumentations;

/// <summary>Config nodes to JSON values and back, for values that move between a saved Albumentations file and a config.</summary>
internal static class ConfigNodes
{
    public static JToken ToToken(ConfigNode node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Number } n when long.TryParse(n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => new JValue(whole),
        ScalarNode { Kind: ScalarKind.Number } n => new JValue(double.Parse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture)),
        ScalarNode { Kind: ScalarKind.Boolean } b => new JValue(b.Text == "true"),
        ScalarNode { Kind: ScalarKind.Null } => JValue.CreateNull(),
        ScalarNode s => new JValue(s.Text),
        SequenceNode list => new JArray(list.Items.Select(ToToken)),
        MappingNode map => new JObject(map.Entries.Select(e => new JProperty(e.Key.Text, ToToken(e.Value)))),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    public static ConfigNode FromToken(JToken token, SourceMark mark) => token switch
    {
        JArray list => new SequenceNode(mark, [.. list.Select(t => FromToken(t, mark))]),
        JObject map => new MappingNode(mark, [.. map.Properties().Select(p => new MappingEntry(new ScalarNode(mark, p.Name, ScalarKind.String), FromToken(p.Value, mark)))]),
        JValue { Type: JTokenType.Integer } v => new ScalarNode(mark, Convert.ToString(v.Value, CultureInfo.InvariantCulture)!, ScalarKind.Number),
        JValue { Type: JTokenType.Float } v => new ScalarNode(mark, v.Value<double>().ToString("R", CultureInfo.InvariantCulture), ScalarKind.Number),
        JValue { Type: JTokenType.Boolean } v => new ScalarNode(mark, v.Value<bool>() ? "true" : "false", ScalarKind.Boolean),
        JValue { Type: JTokenType.Null } => new ScalarNode(mark, "null", ScalarKind.Null),
        _ => new ScalarNode(mark, token.ToString(), ScalarKind.String),
    };
}
