using Augment.Core.Config;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Ops.Parameters;

/// <summary>
/// A list of distinct channel indices in R, G, B(, A) order (0 is red, or gray), as Albumentations
/// numbers them: 1, 3 or 4 of them, the channel counts an image here can have.
/// </summary>
public sealed class ChannelListParam : ParamSpec
{
    private readonly int[] _default;

    public ChannelListParam(string name, string description, int[] defaultValue) : base(name, description) => _default = defaultValue;

    public override JToken? Default => new JArray(_default);

    public override string TypeText => "[int, ...]";

    public override string RangeText => "1, 3 or 4 distinct channels, each 0 to 3 (R, G, B, A)";

    public override JToken Bind(ConfigNode node, ConfigReader reader, string what)
    {
        if (node is not SequenceNode list)
        {
            throw reader.Error(ConfigErrorCode.WrongType, node, $"{what} must be a list of channel indices, such as [0, 1, 2]");
        }

        if (list.Items.Count is not (1 or 3 or 4))
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, node, $"{what} selects {list.Items.Count} channels; ops work on images of 1, 3 or 4 channels, so select 1, 3 or 4");
        }

        var channels = new List<int>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var channel = (int)reader.Integer(list.Items[i], $"{what}[{i}]", 0, 3);
            if (channels.Contains(channel))
            {
                throw reader.Error(ConfigErrorCode.InvalidValue, list.Items[i], $"{what} names channel {channel} twice");
            }

            channels.Add(channel);
        }

        return new JArray(channels);
    }
}
