using Augment.Core.Config;
using Augment.Core.Labels;

namespace Augment.Core.Tests.Config;

/// <summary>docs/labels.md: inputs.labels, inputs.missing_labels, bbox_params and output.labels, and their errors.</summary>
public sealed class LabelConfigTests
{
    private const string Path = "augment.yaml";

    private static string Config(string inputs = "", string root = "", string output = "") =>
        $"version: 1\nseed: 1\ninputs:\n  images: \"images/*.jpg\"\n{inputs}{root}{(output.Length > 0 ? "output:\n" + output : string.Empty)}pipeline:\n  - HorizontalFlip: {{ p: 0.5 }}\n";

    [Fact]
    public void Labels_alone_read_yolo_files_with_albumentations_defaults_and_the_default_output_template()
    {
        var config = AugmentConfigLoader.Parse(Config("  labels: \"labels/{stem}.txt\"\n"), Path);

        var labels = Assert.IsType<LabelSettings>(config.Labels);
        Assert.Equal("labels/{stem}.txt", labels.Input!.Text);
        Assert.False(labels.MissingIsEmpty);
        Assert.Equal(new BoxParams("yolo"), labels.Boxes);
        Assert.Equal("labels/{dir}/{stem}_{variant:000}.txt", labels.Output!.Text);
    }

    [Fact]
    public void A_config_without_labels_has_none()
    {
        Assert.Null(AugmentConfigLoader.Parse(Config(), Path).Labels);
    }

    [Fact]
    public void Bbox_params_take_albumentations_names_and_values()
    {
        var config = AugmentConfigLoader.Parse(Config(
            "  labels: \"labels/{stem}.txt\"\n  missing_labels: empty\n",
            "bbox_params: { format: yolo, min_area: 16, min_visibility: 0.3, min_width: 2, min_height: 3, clip: true, filter_invalid_bboxes: true, label_fields: [class_labels] }\n",
            "  labels: \"yolo/{stem}_{variant}.txt\"\n"), Path);

        var labels = config.Labels!;
        Assert.True(labels.MissingIsEmpty);
        Assert.Equal(new BoxParams("yolo", 16, 0.3, 2, 3, Clip: true, FilterInvalidBboxes: true), labels.Boxes);
        Assert.Equal("yolo/{stem}_{variant}.txt", labels.Output!.Text);
    }

    [Fact]
    public void The_key_part_changes_with_every_setting_that_changes_a_label_file()
    {
        var defaults = new LabelSettings(PathTemplate.Parse("l/{stem}.txt", out _), false, new BoxParams("yolo"), PathTemplate.Parse("labels/{stem}.txt", out _));
        var variants = new[]
        {
            defaults with { MissingIsEmpty = true },
            defaults with { Boxes = new BoxParams("yolo", MinArea: 1) },
            defaults with { Boxes = new BoxParams("yolo", MinVisibility: 0.1) },
            defaults with { Boxes = new BoxParams("yolo", MinWidth: 1) },
            defaults with { Boxes = new BoxParams("yolo", MinHeight: 1) },
            defaults with { Boxes = new BoxParams("yolo", Clip: true) },
            defaults with { Boxes = new BoxParams("yolo", FilterInvalidBboxes: true) },
        };

        Assert.Equal(variants.Length + 1, variants.Select(v => v.Canonical).Append(defaults.Canonical).Distinct().Count());
    }

    [Theory]
    [InlineData("bbox_params: { clip: true }\n", "", 5, 14, "bbox_params needs inputs.labels")]
    [InlineData("", "  labels: \"l/{stem}_{variant}.txt\"\n", 6, 11, "output.labels needs inputs.labels")]
    public void Label_settings_without_inputs_labels_are_an_error_at_the_setting(string root, string output, int line, int column, string message)
    {
        var error = ConfigAssert.FailsAt(Path, Config(root: root, output: output), ConfigErrorCode.MissingKey, line, column);
        Assert.Contains(message, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_labels_without_inputs_labels_is_an_error()
    {
        var error = ConfigAssert.FailsAt(Path, Config("  missing_labels: empty\n"), ConfigErrorCode.MissingKey, 5, 19);
        Assert.Contains("inputs.missing_labels needs inputs.labels", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_template_that_names_neither_txt_nor_xml_files_is_an_error()
    {
        var error = ConfigAssert.FailsAt(Path, Config("  labels: \"labels/{stem}.json\"\n"), ConfigErrorCode.InvalidValue, 5, 11);
        Assert.Contains("must name .txt files", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_label_files_are_pascal_voc_with_xml_outputs()
    {
        var labels = AugmentConfigLoader.Parse(Config("  labels: \"annotations/{stem}.xml\"\n"), Path).Labels!;

        Assert.Equal("pascal_voc", labels.Boxes.Format);
        Assert.Equal("labels/{dir}/{stem}_{variant:000}.xml", labels.Output!.Text);
    }

    [Fact]
    public void A_format_that_disagrees_with_the_label_files_extension_is_an_error()
    {
        var error = ConfigAssert.FailsAt(Path, Config("  labels: \"labels/{stem}.txt\"\n", "bbox_params: { format: pascal_voc }\n"), ConfigErrorCode.InvalidValue, 6, 24);
        Assert.Contains("bbox_params.format is pascal_voc, whose files end in .xml", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_format_not_read_yet_is_an_error_naming_the_ones_that_are()
    {
        var error = ConfigAssert.FailsAt(Path, Config("  labels: \"labels/{stem}.txt\"\n", "bbox_params: { format: albumentations }\n"), ConfigErrorCode.InvalidValue, 6, 24);
        Assert.Contains("it must be one of yolo, pascal_voc", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_bbox_param_is_an_unknown_key_with_a_suggestion()
    {
        var error = ConfigAssert.FailsAt(Path, Config("  labels: \"labels/{stem}.txt\"\n", "bbox_params: { min_visiblity: 0.3 }\n"), ConfigErrorCode.UnknownKey, 6, 16);
        Assert.Contains("min_visibility", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("min_visibility: 1.5")]
    [InlineData("min_area: -1")]
    public void A_minimum_out_of_its_range_is_an_error(string setting)
    {
        var error = ConfigAssert.Fails(Path, Config("  labels: \"labels/{stem}.txt\"\n", $"bbox_params: {{ {setting} }}\n"));
        Assert.Equal(ConfigErrorCode.OutOfRange, error.Code);
        Assert.Equal(6, error.Mark.Line);
    }

    [Fact]
    public void Keypoint_params_read_albumentations_names_and_ultralytics_kpt_shape()
    {
        var labels = AugmentConfigLoader.Parse(Config("  labels: \"labels/{stem}.txt\"\n", "keypoint_params: { format: xy, remove_invisible: false, kpt_shape: [17, 2], label_fields: [kp_labels] }\n"), Path).Labels!;

        Assert.Equal(new KeypointParams("xy", RemoveInvisible: false, Count: 17, Dims: 2), labels.Keypoints);
        Assert.Contains("kpt_shape=17x2", labels.Canonical, StringComparison.Ordinal);
        Assert.Null(AugmentConfigLoader.Parse(Config("  labels: \"labels/{stem}.txt\"\n"), Path).Labels!.Keypoints);
    }

    [Theory]
    [InlineData("  labels: \"labels/{stem}.txt\"\n", "keypoint_params: { format: xy }\n", ConfigErrorCode.MissingKey, "needs kpt_shape for YOLO-pose files")]
    [InlineData("  labels: \"labels/{stem}.xml\"\n", "keypoint_params: { format: xy }\n", ConfigErrorCode.InvalidValue, "Pascal VOC files hold no keypoints")]
    [InlineData("  labels: \"labels/{stem}.txt\"\n", "keypoint_params: { format: xya, kpt_shape: [3, 3] }\n", ConfigErrorCode.InvalidValue, "it must be one of xy")]
    [InlineData("  labels: \"labels/{stem}.txt\"\n", "keypoint_params: { kpt_shape: [3, 4] }\n", ConfigErrorCode.OutOfRange, "kpt_shape[1]")]
    [InlineData("  labels: \"labels/{stem}.txt\"\n", "keypoint_params: { kpt_shape: 17 }\n", ConfigErrorCode.WrongType, "kpt_shape is [keypoints, 2 or 3]")]
    public void Keypoint_params_that_do_not_fit_are_errors(string inputs, string root, string code, string message)
    {
        var error = ConfigAssert.Fails(Path, Config(inputs, root));
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_label_template_must_end_in_txt()
    {
        var error = ConfigAssert.FailsAt(Path, Config("  labels: \"labels/{stem}.txt\"\n", output: "  labels: \"l/{stem}_{variant}.json\"\n"), ConfigErrorCode.InvalidValue, 7, 11);
        Assert.Contains("must end in .txt", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_coco_reads_one_file_for_the_dataset_with_an_output_coco_file()
    {
        var labels = AugmentConfigLoader.Parse(Config("  coco: \"annotations/instances.json\"\n", output: "  coco: \"coco/train.json\"\n"), Path).Labels!;

        Assert.Equal(("annotations/instances.json", "coco/train.json", "coco"), (labels.Coco, labels.CocoOutput, labels.Boxes.Format));
        Assert.Null(labels.Input);
        Assert.Null(labels.Output);
        Assert.Equal(LabelSettings.DefaultCocoOutput, AugmentConfigLoader.Parse(Config("  coco: \"a.json\"\n"), Path).Labels!.CocoOutput);
    }

    [Theory]
    [InlineData("  coco: \"a.json\"\n  labels: \"l/{stem}.txt\"\n", "", "", "two ways to give labels")]
    [InlineData("  coco: \"../a.json\"\n", "", "", "must name a .json file inside the config's folder")]
    [InlineData("  coco: \"a.json\"\n", "bbox_params: { format: yolo }\n", "", "bbox_params.format must be coco with inputs.coco")]
    [InlineData("  coco: \"a.json\"\n", "", "  labels: \"l/{stem}.txt\"\n", "the labels of inputs.coco go to one file, output.coco")]
    [InlineData("  coco: \"a.json\"\n", "", "  coco: \"../out.json\"\n", "must name a .json file inside the output folder")]
    [InlineData("  labels: \"l/{stem}.txt\"\n", "", "  coco: \"a.json\"\n", "output.coco is the output of inputs.coco")]
    public void Coco_settings_that_do_not_fit_are_errors(string inputs, string root, string output, string message)
    {
        var error = ConfigAssert.Fails(Path, Config(inputs, root, output));
        Assert.Equal(ConfigErrorCode.InvalidValue, error.Code);
        Assert.Contains(message, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_coco_with_per_image_label_files_is_a_config_error()
    {
        var error = ConfigAssert.FailsAt(Path, Config("  labels: \"labels/{stem}.txt\"\n", "bbox_params: { format: coco }\n"), ConfigErrorCode.InvalidValue, 6, 24);
        Assert.Contains("give it as inputs.coco", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Keypoint_params_without_labels_is_an_error()
    {
        var error = ConfigAssert.Fails(Path, Config(root: "keypoint_params: { format: xy }\n"));
        Assert.Equal(ConfigErrorCode.MissingKey, error.Code);
        Assert.Contains("keypoint_params needs inputs.labels", error.Problem, StringComparison.Ordinal);
    }
}
