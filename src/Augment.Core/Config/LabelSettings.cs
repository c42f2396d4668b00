using Augment.Core.Labels;

namespace Augment.Core.Config;

/// <summary>
/// The config's label settings (docs/config.md, "Labels"): where each image's label file is
/// (<c>inputs.labels</c>), what an image without one means (<c>inputs.missing_labels</c>), how boxes
/// are read and filtered (<c>bbox_params</c>, Albumentations' names), and where the output labels go
/// (<c>output.labels</c>).
/// </summary>
public sealed record LabelSettings(PathTemplate Input, bool MissingIsEmpty, BoxParams Boxes, PathTemplate Output)
{
    /// <summary>The default <c>output.labels</c>, with the format's extension (.txt for YOLO, .xml for VOC).</summary>
    public static string DefaultOutput(LabelFormat format) => "labels/{dir}/{stem}_{variant:000}" + format.Extension;

    /// <summary>What the item key hashes besides the label file itself.</summary>
    public string Canonical => $"{Boxes.Canonical};missing_labels={(MissingIsEmpty ? "empty" : "error")}";

    internal static LabelSettings? Read(ConfigReader reader, MappingReader root, MappingReader inputs, MappingReader? output)
    {
        var template = inputs.Optional("labels");
        var bboxNode = root.Optional("bbox_params");
        if (template is null)
        {
            foreach (var (node, key) in new[] { (bboxNode, "bbox_params"), (inputs.Optional("missing_labels"), "inputs.missing_labels"), (output?.Optional("labels"), "output.labels") })
            {
                if (node is not null)
                {
                    throw reader.Error(ConfigErrorCode.MissingKey, node, $"{key} needs inputs.labels, the template that names each image's label file (\"labels/{{stem}}.txt\")");
                }
            }

            return null;
        }

        var input = Template(reader, template, reader.Text(template, "inputs.labels"), "inputs.labels");
        var boxes = bboxNode is null ? new BoxParams(FormatOf(reader, template, input, null)) : ReadBoxes(reader, bboxNode, template, input);
        var missing = inputs.Optional("missing_labels") is { } m && reader.Choice(m, "inputs.missing_labels", ["error", "empty"]) == "empty";
        var outputNode = output?.Optional("labels");
        var format = boxes.LabelFormat;
        var outputTemplate = outputNode is null ? PathTemplate.Parse(DefaultOutput(format), out _) : Template(reader, outputNode, reader.Text(outputNode, "output.labels"), "output.labels");
        if (!outputTemplate.Text.EndsWith(format.Extension, StringComparison.Ordinal))
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, outputNode ?? template,
                $"output.labels '{outputTemplate.Text}' must end in {format.Extension}: labels are written in their source's format ({format.Name})");
        }

        return new LabelSettings(input, missing, boxes, outputTemplate);
    }

    private static BoxParams ReadBoxes(ConfigReader reader, ConfigNode node, ConfigNode template, PathTemplate input)
    {
        var map = reader.Mapping(node, "bbox_params",
            ["format", "min_area", "min_visibility", "min_width", "min_height", "clip", "filter_invalid_bboxes", "label_fields"]);
        if (map.Optional("label_fields") is { } fields)
        {
            _ = reader.TextList(fields, "bbox_params.label_fields"); // Albumentations' keyword names; the classes here are the label file's
        }

        double Number(string key, double max = double.PositiveInfinity) => map.Optional(key) is { } v ? reader.Number(v, $"bbox_params.{key}", 0, max) : 0;
        bool Flag(string key) => map.Optional(key) is { } v && reader.Boolean(v, $"bbox_params.{key}");
        return new BoxParams(
            FormatOf(reader, template, input, map.Optional("format")),
            Number("min_area"),
            Number("min_visibility", 1),
            Number("min_width"),
            Number("min_height"),
            Flag("clip"),
            Flag("filter_invalid_bboxes"));
    }

    // The format is bbox_params.format, or the label files' extension's (.txt: yolo, .xml: pascal_voc); the two must agree.
    private static string FormatOf(ConfigReader reader, ConfigNode template, PathTemplate input, ConfigNode? format)
    {
        var chosen = format is null ? null : LabelFormat.Named(reader.Choice(format, "bbox_params.format", BoxParams.Formats));
        var byExtension = LabelFormat.All.FirstOrDefault(f => input.Text.EndsWith(f.Extension, StringComparison.Ordinal));
        if (byExtension is null)
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, template,
                $"inputs.labels '{input.Text}' must name .txt files (YOLO: one 'class cx cy w h' line per object) or .xml files (Pascal VOC)");
        }

        if (chosen is not null && chosen != byExtension)
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, format!,
                $"bbox_params.format is {chosen.Name}, whose files end in {chosen.Extension}, but inputs.labels '{input.Text}' names {byExtension.Extension} files ({byExtension.Name})");
        }

        return byExtension.Name;
    }

    private static PathTemplate Template(ConfigReader reader, ConfigNode node, string text, string what)
    {
        var template = PathTemplate.Parse(text, out var error);
        return error is null ? template.At(node.Mark) : throw reader.Error(ConfigErrorCode.InvalidValue, node, $"{what}: {error}");
    }
}
