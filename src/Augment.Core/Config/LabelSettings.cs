using Augment.Core.Labels;

namespace Augment.Core.Config;

/// <summary>
/// The config's label settings (docs/labels.md): where each image's label file is
/// (<c>inputs.labels</c>, a template) or the dataset's one COCO file (<c>inputs.coco</c>), what an
/// image without labels means (<c>inputs.missing_labels</c>), how boxes are read and filtered
/// (<c>bbox_params</c>, Albumentations' names), and where the output labels go (<c>output.labels</c>,
/// or <c>output.coco</c> for the one output COCO file).
/// </summary>
public sealed record LabelSettings(PathTemplate? Input, bool MissingIsEmpty, BoxParams Boxes, PathTemplate? Output)
{
    public const string DefaultCocoOutput = "annotations/instances.json";

    /// <summary>The COCO file (relative to the config's folder) when the labels are one for the whole dataset.</summary>
    public string? Coco { get; init; }

    /// <summary><c>keypoint_params</c>: when set, each object's keypoints travel with it (YOLO-pose, COCO).</summary>
    public KeypointParams? Keypoints { get; init; }

    /// <summary>The output COCO file, relative to the output folder.</summary>
    public string CocoOutput { get; init; } = DefaultCocoOutput;

    /// <summary>The default <c>output.labels</c>, with the format's extension (.txt for YOLO, .xml for VOC).</summary>
    public static string DefaultOutput(LabelFormat format) => "labels/{dir}/{stem}_{variant:000}" + format.Extension;

    /// <summary>What the item key hashes besides the item's own labels.</summary>
    public string Canonical => $"{Boxes.Canonical};missing_labels={(MissingIsEmpty ? "empty" : "error")}" + (Keypoints is { } k ? ";" + k.Canonical : string.Empty);

    internal static LabelSettings? Read(ConfigReader reader, MappingReader root, MappingReader inputs, MappingReader? output)
    {
        var template = inputs.Optional("labels");
        var coco = inputs.Optional("coco");
        var bboxNode = root.Optional("bbox_params");
        if (template is not null && coco is not null)
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, coco, "inputs.coco and inputs.labels are two ways to give labels; keep one");
        }

        if (template is null && coco is null)
        {
            foreach (var (node, key) in new[]
                     {
                         (bboxNode, "bbox_params"), (root.Optional("keypoint_params"), "keypoint_params"), (inputs.Optional("missing_labels"), "inputs.missing_labels"),
                         (output?.Optional("labels"), "output.labels"),
                         (output?.Optional("coco"), "output.coco"),
                     })
            {
                if (node is not null)
                {
                    throw reader.Error(ConfigErrorCode.MissingKey, node,
                        $"{key} needs inputs.labels, the template that names each image's label file (\"labels/{{stem}}.txt\"), or inputs.coco");
                }
            }

            return null;
        }

        var missing = inputs.Optional("missing_labels") is { } m && reader.Choice(m, "inputs.missing_labels", ["error", "empty"]) == "empty";
        var keypointNode = root.Optional("keypoint_params");
        if (coco is not null)
        {
            return ReadCoco(reader, coco, bboxNode, missing, output) with { Keypoints = ReadKeypoints(reader, keypointNode, "coco") };
        }

        var input = AugmentConfigLoader.Check(reader, template!, reader.Text(template!, "inputs.labels"), "inputs.labels");
        var boxes = ReadBoxes(reader, bboxNode, map => FormatOf(reader, template!, input, map?.Optional("format")));
        if (output?.Optional("coco") is { } cocoOutput)
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, cocoOutput, "output.coco is the output of inputs.coco; per-image label files go to output.labels");
        }

        var outputNode = output?.Optional("labels");
        var format = boxes.LabelFormat;
        var outputTemplate = outputNode is null ? PathTemplate.Parse(DefaultOutput(format), out _) : AugmentConfigLoader.Check(reader, outputNode, reader.Text(outputNode, "output.labels"), "output.labels");
        if (!outputTemplate.Text.EndsWith(format.Extension, StringComparison.Ordinal))
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, outputNode ?? template!,
                $"output.labels '{outputTemplate.Text}' must end in {format.Extension}: labels are written in their source's format ({format.Name})");
        }

        return new LabelSettings(input, missing, boxes, outputTemplate) { Keypoints = ReadKeypoints(reader, keypointNode, boxes.Format) };
    }

    // keypoint_params: Albumentations' format and remove_invisible (label_fields and angle_in_degrees accepted), and
    // Ultralytics' kpt_shape, which a YOLO-pose file needs (how many keypoints, 2 or 3 values each).
    private static KeypointParams? ReadKeypoints(ConfigReader reader, ConfigNode? node, string format)
    {
        if (node is null)
        {
            return null;
        }

        var map = reader.Mapping(node, "keypoint_params", ["format", "remove_invisible", "kpt_shape", "label_fields", "angle_in_degrees"]);
        if (format == "pascal_voc")
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, node, "keypoint_params: Pascal VOC files hold no keypoints (YOLO-pose and COCO files do)");
        }

        var kpFormat = map.Optional("format") is { } f ? reader.Choice(f, "keypoint_params.format", ["xy"]) : "xy";
        var remove = map.Optional("remove_invisible") is not { } r || reader.Boolean(r, "keypoint_params.remove_invisible");
        _ = map.Optional("label_fields") is { } fields ? reader.TextList(fields, "keypoint_params.label_fields") : null;
        _ = map.Optional("angle_in_degrees") is { } degrees && reader.Boolean(degrees, "keypoint_params.angle_in_degrees");
        var (count, dims) = (0, 3);
        if (map.Optional("kpt_shape") is { } shape)
        {
            var values = shape is SequenceNode { Items.Count: 2 } list
                ? (reader.Integer(list.Items[0], "keypoint_params.kpt_shape[0]", 1, 1000), reader.Integer(list.Items[1], "keypoint_params.kpt_shape[1]", 2, 3))
                : throw reader.Error(ConfigErrorCode.WrongType, shape, "keypoint_params.kpt_shape is [keypoints, 2 or 3] (Ultralytics' kpt_shape: [17, 3])");
            (count, dims) = ((int)values.Item1, (int)values.Item2);
        }
        else if (format == "yolo")
        {
            throw reader.Error(ConfigErrorCode.MissingKey, node, "keypoint_params needs kpt_shape for YOLO-pose files ([keypoints, 2 or 3], as in the dataset's data.yaml)");
        }

        return new KeypointParams(kpFormat, remove, count, dims);
    }

    private static LabelSettings ReadCoco(ConfigReader reader, ConfigNode coco, ConfigNode? bboxNode, bool missing, MappingReader? output)
    {
        var path = reader.Text(coco, "inputs.coco").Replace('\\', '/');
        if (path.StartsWith('/') || path.Split('/').Contains("..") || !path.EndsWith(".json", StringComparison.Ordinal))
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, coco, $"inputs.coco '{path}' must name a .json file inside the config's folder");
        }

        var boxes = ReadBoxes(reader, bboxNode, map => map?.Optional("format") is { } format && reader.Choice(format, "bbox_params.format", BoxParams.Formats) != "coco"
            ? throw reader.Error(ConfigErrorCode.InvalidValue, format, $"bbox_params.format must be coco with inputs.coco (a COCO file's boxes are [x, y, width, height])")
            : "coco");
        if (output?.Optional("labels") is { } labels)
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, labels, "output.labels names per-image label files; the labels of inputs.coco go to one file, output.coco");
        }

        var cocoOutput = output?.Optional("coco") is { } o ? reader.Text(o, "output.coco").Replace('\\', '/') : DefaultCocoOutput;
        if (cocoOutput.StartsWith('/') || cocoOutput.Split('/').Any(p => p is ".." or "." or "") || !cocoOutput.EndsWith(".json", StringComparison.Ordinal))
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, output!.Optional("coco")!, $"output.coco '{cocoOutput}' must name a .json file inside the output folder");
        }

        return new LabelSettings(null, missing, boxes, null) { Coco = path, CocoOutput = cocoOutput };
    }

    private static BoxParams ReadBoxes(ConfigReader reader, ConfigNode? node, Func<MappingReader?, string> format)
    {
        if (node is null)
        {
            return new BoxParams(format(null));
        }

        var map = reader.Mapping(node, "bbox_params",
            ["format", "min_area", "min_visibility", "min_width", "min_height", "clip", "filter_invalid_bboxes", "label_fields"]);
        if (map.Optional("label_fields") is { } fields)
        {
            _ = reader.TextList(fields, "bbox_params.label_fields"); // Albumentations' keyword names; the classes here are the label file's
        }

        double Number(string key, double max = double.PositiveInfinity) => map.Optional(key) is { } v ? reader.Number(v, $"bbox_params.{key}", 0, max) : 0;
        bool Flag(string key) => map.Optional(key) is { } v && reader.Boolean(v, $"bbox_params.{key}");
        return new BoxParams(
            format(map),
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
        var name = format is null ? null : reader.Choice(format, "bbox_params.format", BoxParams.Formats);
        if (name == "coco")
        {
            throw reader.Error(ConfigErrorCode.InvalidValue, format!, "bbox_params.format coco reads one COCO file for the dataset: give it as inputs.coco, not inputs.labels");
        }

        var chosen = name is null ? null : LabelFormat.Named(name);
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
}
