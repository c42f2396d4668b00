using System.Globalization;
using Augment.Core.Config;

namespace Augment.Core.Albumentations;

/// <summary>
/// What a saved Albumentations transform's parameters are called here: Albumentations 1.x names
/// mapped to 2.x's (which are this tool's), values converted where 1.x measured differently
/// (GaussNoise's variance in pixels, Solarize's threshold in pixels), and the parameters this tool
/// does not have dropped where their value is Albumentations' default and the behaviour is the one
/// here. Whatever is left that the op does not take is the importer's error.
/// </summary>
internal static class AlbumentationsRenames
{
    /// <summary>Parameters dropped whatever the op: what they say is what every op here does.</summary>
    private static readonly Dictionary<string, Func<ConfigNode, bool>> Harmless = new(StringComparer.Ordinal)
    {
        ["mask_interpolation"] = v => IsNumber(v, 0), // masks are resampled nearest here
        ["strict"] = _ => true, // Albumentations' check of its own arguments
        ["max_size_hw"] = IsNull,
    };

    /// <summary>Per op: parameters of Albumentations that this tool does not have, dropped when they hold this value.</summary>
    private static readonly Dictionary<string, Dictionary<string, Func<ConfigNode, bool>>> HarmlessFor = new(StringComparer.Ordinal)
    {
        ["Affine"] = new() { ["fit_output"] = IsFalse, ["keep_ratio"] = IsFalse, ["balanced_scale"] = IsFalse },
        ["Rotate"] = new() { ["crop_border"] = IsFalse },
        ["Perspective"] = new() { ["fit_output"] = IsFalse },
        ["ElasticTransform"] = new() { ["approximate"] = IsFalse, ["alpha_affine"] = v => IsNumber(v, 0) },
        ["RandomBrightnessContrast"] = new() { ["brightness_by_max"] = IsTrue, ["ensure_safe_range"] = IsFalse },
        ["Equalize"] = new() { ["mode"] = v => IsText(v, "cv"), ["by_channels"] = IsTrue, ["mask"] = IsNull, ["mask_params"] = v => v is SequenceNode { Items.Count: 0 } },
        ["ToGray"] = new() { ["num_output_channels"] = v => IsNumber(v, 3), ["method"] = v => IsText(v, "weighted_average") },
        ["GaussNoise"] = new() { ["noise_scale_factor"] = v => IsNumber(v, 1) },
        ["RandomGamma"] = new() { ["eps"] = IsNull },
        ["Sharpen"] = new() { ["method"] = v => IsText(v, "kernel"), ["kernel_size"] = _ => true, ["sigma"] = _ => true }, // the last two serve method gaussian only
        ["RandomCrop"] = new() { ["pad_position"] = v => IsText(v, "center") },
        ["CenterCrop"] = new() { ["pad_position"] = v => IsText(v, "center") },
    };

    /// <summary>
    /// The transform's parameters as this tool names them. <paramref name="error"/> makes the error
    /// of a value that has no equivalent here, at its node.
    /// </summary>
    public static List<(string Key, ConfigNode Value)> Apply(string op, IReadOnlyList<MappingEntry> entries, Func<ConfigNode, string, Exception> error)
    {
        var given = entries.ToDictionary(e => e.Key.Text, e => e.Value, StringComparer.Ordinal);
        var result = new List<(string Key, ConfigNode Value)>();
        var done = new HashSet<string>(StringComparer.Ordinal) { "__class_fullname__", "always_apply", "p", "transforms", "id" };

        void Put(string key, ConfigNode value)
        {
            result.RemoveAll(r => r.Key == key);
            result.Add((key, value));
        }

        ConfigNode? Take(string key)
        {
            done.Add(key);
            return given.TryGetValue(key, out var v) && !IsNull(v) ? v : null;
        }

        // Fill values, under the names of every Albumentations version.
        foreach (var (old, now) in new[] { ("value", "fill"), ("fill_value", "fill"), ("pad_val", "fill"), ("mask_value", "fill_mask"), ("mask_fill_value", "fill_mask"), ("pad_val_mask", "fill_mask"), ("pad_mode", "border_mode") })
        {
            if (given.ContainsKey(old))
            {
                if (Take(old) is { } v)
                {
                    Put(now, v);
                }
            }
        }

        switch (op)
        {
            case "GaussNoise":
                // 1.x: a variance in pixel units of 8-bit images; 2.x: a standard deviation as a fraction of the maximum.
                if (Take("var_limit") is { } variance)
                {
                    Put("std_range", Map(variance, v => Math.Sqrt(v) / 255, error, "var_limit"));
                }

                if (given.ContainsKey("mean") && Take("mean") is { } mean)
                {
                    Put("mean_range", Map(mean is SequenceNode ? mean : new SequenceNode(mean.Mark, [mean, mean]), v => v / 255, error, "mean"));
                }

                break;
            case "ImageCompression":
                if (Take("quality_lower") is { } low)
                {
                    Put("quality_range", new SequenceNode(low.Mark, [low, Take("quality_upper") ?? Number(100, low.Mark)]));
                }

                if (given.TryGetValue("compression_type", out var type) && type is ScalarNode { Kind: ScalarKind.Number } code)
                {
                    done.Add("compression_type");
                    Put("compression_type", new ScalarNode(code.Mark, code.Text == "1" ? "webp" : code.Text == "0" ? "jpeg" : code.Text, ScalarKind.String));
                }

                break;
            case "Downscale":
                if (Take("scale_min") is { } min)
                {
                    Put("scale_range", new SequenceNode(min.Mark, [min, Take("scale_max") ?? min]));
                }

                if (Take("interpolation_pair") is MappingNode pair)
                {
                    var (down, up) = (pair["downscale"], pair["upscale"]);
                    if (down is not ScalarNode a || up is not ScalarNode b || a.Text != b.Text)
                    {
                        throw error(pair, "interpolation_pair with different downscale and upscale interpolations has no equivalent here (Downscale takes one interpolation)");
                    }

                    Put("interpolation", a);
                }

                break;
            case "Solarize":
                // 1.x: the threshold in pixel units of 8-bit images; 2.x: threshold_range as a fraction.
                if (Take("threshold") is { } threshold)
                {
                    Put("threshold_range", threshold is SequenceNode ? Map(threshold, v => v / 255, error, "threshold") : Map(new SequenceNode(threshold.Mark, [threshold, threshold]), v => v / 255, error, "threshold"));
                }

                break;
            case "CoarseDropout":
                foreach (var (max, minimum, now) in new[] { ("max_holes", "min_holes", "num_holes_range"), ("max_height", "min_height", "hole_height_range"), ("max_width", "min_width", "hole_width_range") })
                {
                    if (Take(max) is { } high)
                    {
                        Put(now, new SequenceNode(high.Mark, [Take(minimum) ?? high, high]));
                    }
                    else
                    {
                        done.Add(minimum);
                    }
                }

                break;
            case "RandomResizedCrop" or "RandomSizedCrop":
                if (Take("height") is { } height)
                {
                    Put("size", new SequenceNode(height.Mark, [height, Take("width") ?? height]));
                }

                break;
            case "ShiftScaleRotate":
                if (Take("shift_limit_x") is { } x)
                {
                    var y = Take("shift_limit_y") ?? x;
                    if (!SameValue(x, y))
                    {
                        throw error(y, "shift_limit_y differs from shift_limit_x: ShiftScaleRotate here shifts both by one shift_limit (use Affine with translate_percent)");
                    }

                    Put("shift_limit", x);
                }
                else
                {
                    done.Add("shift_limit_y");
                }

                break;
            case "Affine":
                foreach (var key in new[] { "scale", "translate_percent", "translate_px", "shear" })
                {
                    if (given.TryGetValue(key, out var value))
                    {
                        done.Add(key);
                        if (value is MappingNode axes)
                        {
                            var (ax, ay) = (axes["x"], axes["y"]);
                            if (key == "shear" && ay is not null && !IsZero(ay))
                            {
                                throw error(ay, "a y-shear has no equivalent here (Affine shears along x only)");
                            }

                            if (key != "shear" && ax is not null && ay is not null && !SameValue(ax, ay))
                            {
                                throw error(axes, $"{key} with different x and y ranges has no equivalent here (Affine draws x and y from one range)");
                            }

                            if (ax is not null)
                            {
                                Put(key, ax);
                            }
                        }
                        else if (!IsNull(value))
                        {
                            Put(key, value);
                        }
                    }
                }

                break;
        }

        foreach (var entry in entries.Where(e => !done.Contains(e.Key.Text)))
        {
            var key = entry.Key.Text;
            var harmless = Harmless.TryGetValue(key, out var test) ? test : HarmlessFor.TryGetValue(op, out var own) && own.TryGetValue(key, out var ownTest) ? ownTest : null;
            if (harmless is not null && harmless(entry.Value))
            {
                continue;
            }

            if (!result.Any(r => r.Key == key) && !IsNull(entry.Value)) // null: Albumentations' "none given", the default here too
            {
                result.Add((key, entry.Value));
            }
        }

        // In the file's order (a converted value carries the position of what it came from);
        // Python writes whole numbers of float parameters as 0.0, which an integer parameter here refuses.
        return [.. result.OrderBy(r => r.Value.Mark.Line).ThenBy(r => r.Value.Mark.Column).Select(r => (r.Key, Whole(r.Value)))];
    }

    /// <summary>The probability: <c>p</c>, or 1 where 1.x's <c>always_apply</c> is true.</summary>
    public static ConfigNode? Probability(MappingNode transform) =>
        transform["always_apply"] is ScalarNode { Kind: ScalarKind.Boolean, Text: "true" } always ? Number(1, always.Mark) : transform["p"];

    private static ConfigNode Map(ConfigNode node, Func<double, double> convert, Func<ConfigNode, string, Exception> error, string what) => node switch
    {
        ScalarNode { Kind: ScalarKind.Number } n => Number(convert(Value(n)), n.Mark),
        SequenceNode list when list.Items.All(i => i is ScalarNode { Kind: ScalarKind.Number }) =>
            new SequenceNode(list.Mark, [.. list.Items.Select(i => Number(convert(Value((ScalarNode)i)), i.Mark))]),
        _ => throw error(node, $"{what} must be a number or a list of numbers, not {node.Describe()}"),
    };

    // 0.0 as 0, recursively; every other number as written. A float parameter binds 0 as it binds 0.0.
    private static ConfigNode Whole(ConfigNode node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Number } n when Value(n) is var v && v == Math.Floor(v) && Math.Abs(v) < 1e15 => Number(v, n.Mark),
        SequenceNode list => new SequenceNode(list.Mark, [.. list.Items.Select(Whole)]),
        _ => node,
    };

    private static ScalarNode Number(double value, SourceMark mark) => new(mark, value.ToString("R", CultureInfo.InvariantCulture), ScalarKind.Number);

    private static double Value(ScalarNode node) => double.Parse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsNull(ConfigNode node) => node is ScalarNode { Kind: ScalarKind.Null };

    private static bool IsTrue(ConfigNode node) => node is ScalarNode { Kind: ScalarKind.Boolean, Text: "true" };

    private static bool IsFalse(ConfigNode node) => node is ScalarNode { Kind: ScalarKind.Boolean, Text: "false" };

    private static bool IsText(ConfigNode node, string text) => node is ScalarNode { Kind: ScalarKind.String } s && s.Text == text;

    private static bool IsNumber(ConfigNode node, double value) => node is ScalarNode { Kind: ScalarKind.Number } n && Value(n) == value;

    private static bool IsZero(ConfigNode node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Number } n => Value(n) == 0,
        SequenceNode list => list.Items.All(IsZero),
        _ => false,
    };

    private static bool SameValue(ConfigNode a, ConfigNode b) => (a, b) switch
    {
        (ScalarNode x, ScalarNode y) => x.Kind == y.Kind && (x.Kind != ScalarKind.Number ? x.Text == y.Text : Value(x) == Value(y)),
        (SequenceNode x, SequenceNode y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => SameValue(p.First, p.Second)),
        _ => false,
    };
}
