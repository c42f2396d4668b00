using Augment.Core.Config;
using Augment.Core.Ops;
using Augment.Core.Ops.Parameters;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Albumentations;

/// <summary>
/// Writes a config's pipeline as the JSON that Albumentations' <c>A.load</c> reads (2.x's
/// <c>A.to_dict</c> form): a Compose of the ops with their names, every parameter (defaults
/// resolved; interpolation and border_mode as OpenCV's numbers, as Albumentations takes them) and
/// <c>p</c>, with the config's <c>bbox_params</c> and <c>keypoint_params</c>. Importing what it
/// writes gives back the same canonical pipeline.
/// </summary>
public static class AlbumentationsExporter
{
    /// <summary>The Albumentations version whose format this writes.</summary>
    public const string Version = "2.0.8";

    public static string Write(AugmentConfig config)
    {
        var compose = new JObject
        {
            ["__class_fullname__"] = "Compose",
            ["p"] = 1.0,
            ["transforms"] = new JArray(config.Pipeline.Select(Transform)),
            ["bbox_params"] = config.Labels?.Boxes is { } boxes ? new JObject
            {
                ["format"] = boxes.Format,
                ["label_fields"] = new JArray("class_labels"),
                ["min_area"] = boxes.MinArea,
                ["min_visibility"] = boxes.MinVisibility,
                ["min_width"] = boxes.MinWidth,
                ["min_height"] = boxes.MinHeight,
                ["clip"] = boxes.Clip,
                ["filter_invalid_bboxes"] = boxes.FilterInvalidBboxes,
            } : null,
            ["keypoint_params"] = config.Labels?.Keypoints is { } keypoints ? new JObject
            {
                ["format"] = keypoints.Format,
                ["label_fields"] = new JArray("keypoint_labels"),
                ["remove_invisible"] = keypoints.RemoveInvisible,
            } : null,
            ["additional_targets"] = new JObject(),
            ["is_check_shapes"] = true,
        };
        return new JObject { ["__version__"] = Version, ["transform"] = compose }.ToString(Formatting.Indented) + "\n";
    }

    private static JObject Transform(IOp op)
    {
        var json = new JObject { ["__class_fullname__"] = op.Descriptor.Name };
        foreach (var parameter in op.Descriptor.Parameters.Where(p => p.Name != "p"))
        {
            if (parameter is OpsParam)
            {
                json[parameter.Name] = new JArray(op.Arguments.Children[parameter.Name].Select(Transform));
                continue;
            }

            var value = op.Arguments.Canonical[parameter.Name];
            if (value is null || value.Type == JTokenType.Null)
            {
                continue; // Albumentations' default for "none given"
            }

            json[parameter.Name] = parameter is ChoiceParam choice && choice.CodeOf(value.ToString()) is { } code ? code : value.DeepClone();
        }

        json["p"] = op.Arguments.Canonical["p"]!.DeepClone();
        return json;
    }
}
