using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Albumentations;

/// <summary>
/// Writes an imported pipeline as a complete, commented augment.yaml: the inputs to point at the
/// images (and labels), one variant, the pipeline with each op's parameters as the file gave them
/// (canonical values), and a note of everything that was left out and why.
/// </summary>
public static partial class AlbumentationsYaml
{
    public static string Write(AlbumentationsImport import)
    {
        var text = new StringBuilder();
        var source = Path.GetFileName(import.SourcePath);
        text.Append(CultureInfo.InvariantCulture, $"# Imported from {source}{(import.Version is { } v ? $" (Albumentations {v})" : string.Empty)} by `dotnet augment import albumentations`.\n");
        text.Append("# Point inputs at the source images, then `dotnet augment build`; `dotnet augment preview` shows what the pipeline does.\n");
        if (import.LeftOut.Count > 0)
        {
            text.Append("# Left out:\n");
            foreach (var note in import.LeftOut)
            {
                text.Append(CultureInfo.InvariantCulture, $"# - {note}\n");
            }
        }

        text.Append("version: 1\n");
        text.Append("seed: 1                 # every random draw derives from it: another seed is another dataset\n");
        text.Append("inputs:\n");
        text.Append("  images: \"images/*\"      # the source images, relative to this file\n");
        var format = import.BboxParams?["format"]?.ToString();
        if (import.BboxParams is not null || import.KeypointParams is not null)
        {
            text.Append(format switch
            {
                "coco" => "  coco: \"annotations.json\"   # the COCO file of the images' boxes\n",
                "pascal_voc" => "  labels: \"labels/{stem}.xml\"   # each image's Pascal VOC file\n",
                _ => "  labels: \"labels/{stem}.txt\"   # each image's YOLO file\n",
            });
        }

        text.Append("variants: 1              # augmented copies of each source\n");
        text.Append("output:\n  dir: out\n");
        if (import.BboxParams is { } boxes)
        {
            text.Append(CultureInfo.InvariantCulture, $"bbox_params: {Flow(boxes)}\n");
        }

        if (import.KeypointParams is { } keypoints)
        {
            if (format != "coco" && keypoints["kpt_shape"] is null)
            {
                // YOLO-pose lines do not say how many keypoints an object has; Albumentations has no such setting.
                keypoints = new JObject(keypoints) { ["kpt_shape"] = new JArray(17, 3) };
                text.Append("# kpt_shape: [17, 3] is COCO's persons; set it to the kpt_shape of the dataset's data.yaml\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"keypoint_params: {Flow(keypoints)}\n");
        }

        text.Append("pipeline:\n");
        foreach (var op in import.Pipeline)
        {
            Op(text, op, "  ");
        }

        return text.ToString();
    }

    /// <summary>A JSON value in YAML's flow style: <c>{ k: v }</c>, <c>[a, b]</c>, plain words, quoted strings where needed.</summary>
    public static string Flow(JToken token) => token switch
    {
        JObject map => map.Count == 0 ? "{}" : $"{{ {string.Join(", ", map.Properties().Select(p => $"{p.Name}: {Flow(p.Value)}"))} }}",
        JArray list => $"[{string.Join(", ", list.Select(Flow))}]",
        JValue { Type: JTokenType.Float } f => f.Value<double>().ToString("R", CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Integer } i => Convert.ToString(i.Value, CultureInfo.InvariantCulture)!,
        JValue { Type: JTokenType.Boolean } b => b.Value<bool>() ? "true" : "false",
        JValue { Type: JTokenType.Null } => "null",
        _ => Word().IsMatch(token.ToString()) && token.ToString() is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off")
            ? token.ToString()
            : $"\"{token.ToString().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
    };

    private static void Op(StringBuilder text, ImportedOp op, string indent)
    {
        if (op.Children.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{indent}- {op.Name}: {Flow(op.Params)}   # {op.Path}\n");
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"{indent}- {op.Name}:   # {op.Path}\n");
        foreach (var parameter in op.Params.Properties())
        {
            text.Append(CultureInfo.InvariantCulture, $"{indent}    {parameter.Name}: {Flow(parameter.Value)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{indent}    transforms:\n");
        foreach (var child in op.Children)
        {
            Op(text, child, indent + "      ");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Word();
}
