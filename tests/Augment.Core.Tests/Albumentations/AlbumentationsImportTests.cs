using Augment.Core.Albumentations;
using Augment.Core.Config;
using Augment.Core.Ops;
using Augment.Core.Ops.Parameters;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Tests.Albumentations;

/// <summary>`import albumentations`: saved pipelines of 2.x and 1.4.x become configs with the same ops and values.</summary>
public sealed class AlbumentationsImportTests
{
    public static TheoryData<string> Fixtures() => [.. SavedPipelines.All.Keys];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_saved_pipeline_imports_to_a_config_whose_pipeline_is_the_imported_one(string name)
    {
        var imported = Import(name);
        var yaml = AlbumentationsYaml.Write(imported);

        var config = AugmentConfigLoader.Parse(yaml, "augment.yaml");

        Assert.Equal(PipelineBinder.CanonicalText(imported.Pipeline.Select(o => o.Bound)), config.CanonicalPipeline);
        Assert.Equal(Transforms(name).Count(t => !IsTrainingTime(t)), Flatten(imported.Pipeline).Count(o => o.Name != "Sequential" || o.Path.Contains("transforms", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_parameter_that_keeps_its_name_keeps_its_value(string name)
    {
        var imported = Import(name);
        var checkedValues = 0;
        foreach (var op in Flatten(imported.Pipeline))
        {
            var source = Source(name, op.Path);
            // compression_type: 1.x's enum number is 2.x's name; Affine's per-axis dictionaries are one range here (both checked below).
            foreach (var parameter in op.Params.Properties().Where(p => source[p.Name] is not (null or JObject) && p.Name is not ("p" or "compression_type")))
            {
                var spec = op.Bound.Descriptor.Parameters.Single(s => s.Name == parameter.Name);
                Assert.True(SameValue(source[parameter.Name]!, parameter.Value, spec), $"{name} {op.Path}.{parameter.Name}: {source[parameter.Name]} became {parameter.Value}");
                checkedValues++;
            }

            var p = source["always_apply"]?.Value<bool>() == true ? 1.0 : source["p"]?.Value<double>();
            if (p is { } probability)
            {
                Assert.Equal(probability, op.Params["p"]!.Value<double>());
            }
        }

        Assert.True(checkedValues > 0 || Flatten(imported.Pipeline).All(o => o.Params.Count == 1), $"{name}: no parameter was compared");
    }

    [Fact]
    public void Version_1_names_and_units_become_version_2s()
    {
        var segmentation = Flatten(Import("v1.4-segmentation.json").Pipeline).ToDictionary(o => o.Name);
        var noise = segmentation["GaussNoise"].Params;
        Assert.Equal([Math.Sqrt(10) / 255, Math.Sqrt(50) / 255], noise["std_range"]!.Values<double>()); // var_limit: a variance in 8-bit pixels
        Assert.Equal([0.0, 0.0], noise["mean_range"]!.Values<double>());
        Assert.Equal([-0.0625, 0.0625], segmentation["ShiftScaleRotate"].Params["shift_limit"]!.Values<double>()); // shift_limit_x and _y, equal
        Assert.Equal("reflect101", segmentation["ShiftScaleRotate"].Params["border_mode"]!.Value<string>()); // OpenCV's 4

        var classification = Flatten(Import("v1.4-classification.json").Pipeline).ToDictionary(o => o.Name);
        Assert.Equal([80.0, 100.0], classification["ImageCompression"].Params["quality_range"]!.Values<double>());
        Assert.Equal("jpeg", classification["ImageCompression"].Params["compression_type"]!.Value<string>());

        var dropout = Flatten(Import("v1.4-dropout.yaml").Pipeline).ToDictionary(o => o.Name);
        Assert.Equal([1.0, 8.0], dropout["CoarseDropout"].Params["num_holes_range"]!.Values<double>());
        Assert.Equal([8.0, 32.0], dropout["CoarseDropout"].Params["hole_height_range"]!.Values<double>());
        Assert.Equal([0.5, 0.75], dropout["Downscale"].Params["scale_range"]!.Values<double>());
        Assert.Equal([128 / 255.0, 128 / 255.0], dropout["Solarize"].Params["threshold_range"]!.Values<double>()); // 1.x: pixels; 2.x: a fraction

        var always = Flatten(Import("v1.4-always-apply.json").Pipeline).ToDictionary(o => o.Name);
        Assert.Equal(1.0, always["CLAHE"].Params["p"]!.Value<double>()); // always_apply: true with p 0.5
        Assert.Equal([128.0, 160.0], Flatten(Import("v1.4-compose-p.json").Pipeline).Single(o => o.Name == "RandomResizedCrop").Params["size"]!.Values<double>());
        Assert.Equal([192.0, 256.0], Flatten(Import("v1.4-crops.yaml").Pipeline).Single(o => o.Name == "RandomSizedCrop").Params["size"]!.Values<double>()); // height, width
    }

    [Fact]
    public void Version_2_per_axis_dictionaries_with_equal_axes_become_one_range()
    {
        var affine = Flatten(Import("v2-segmentation.json").Pipeline).Single(o => o.Name == "Affine").Params;

        Assert.Equal([0.9, 1.1], affine["scale"]!.Values<double>());
        Assert.Equal([-0.0625, 0.0625], affine["translate_percent"]!.Values<double>());
        Assert.Equal([0.0, 0.0], affine["shear"]!.Values<double>());
        Assert.Null(affine["translate_px"]);
        Assert.Null(affine["fit_output"]); // Albumentations' default, what Affine does here
    }

    [Fact]
    public void A_compose_with_p_below_1_becomes_a_sequential_with_that_p()
    {
        var pipeline = Import("v1.4-compose-p.json").Pipeline;

        var sequential = Assert.Single(pipeline);
        Assert.Equal("Sequential", sequential.Name);
        Assert.Equal(0.8, sequential.Params["p"]!.Value<double>());
        Assert.Equal(["VerticalFlip", "RandomResizedCrop", "Rotate"], sequential.Children.Select(c => c.Name));
    }

    [Fact]
    public void A_version_1_SomeOf_whose_children_share_one_p_runs_the_chosen_ones_whatever_their_p()
    {
        // 1.x's SomeOf chose weighted by the children's p and then forced them; 2.x's (SomeOf here)
        // chooses uniformly and lets each child draw its p. Equal p: the same choice, children at p 1.
        static string Saved(double second) =>
            "{\"__version__\": \"1.4.24\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": [\n" +
            "{\"__class_fullname__\": \"SomeOf\", \"n\": 1, \"replace\": false, \"p\": 1.0, \"transforms\": [\n" +
            "{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 0.5}, {\"__class_fullname__\": \"VerticalFlip\", \"p\": " +
            second.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}]}]}}";

        var someOf = Assert.Single(AlbumentationsImporter.Parse(Saved(0.5), "saved.json", lenient: false).Pipeline);
        Assert.Equal([1.0, 1.0], someOf.Children.Select(c => c.Params["p"]!.Value<double>()));

        var error = Assert.Throws<ConfigException>(() => AlbumentationsImporter.Parse(Saved(0.2), "saved.json", lenient: false));
        Assert.Equal((ConfigErrorCode.InvalidValue, 2), (error.Code, error.Mark.Line));
        Assert.StartsWith("transform.transforms[0]: SomeOf in Albumentations 1.x chooses its transforms weighted by their p (0.5, 0.2)", error.Problem, StringComparison.Ordinal);

        // A 2.x file means 2.x's SomeOf: its children keep their p.
        var modern = Assert.Single(AlbumentationsImporter.Parse(Saved(0.2).Replace("1.4.24", "2.0.8", StringComparison.Ordinal), "saved.json", lenient: false).Pipeline);
        Assert.Equal([0.5, 0.2], modern.Children.Select(c => c.Params["p"]!.Value<double>()));
    }

    [Fact]
    public void Training_time_transforms_are_left_out_with_a_note_naming_them()
    {
        var imported = Import("v2-classification.json");

        Assert.DoesNotContain(Flatten(imported.Pipeline), o => o.Name is "Normalize" or "ToTensorV2");
        Assert.Equal(2, imported.LeftOut.Count);
        Assert.Contains(imported.LeftOut, n => n.StartsWith("transform.transforms[4]: Normalize is a training-time transform", StringComparison.Ordinal));
        Assert.Contains(imported.LeftOut, n => n.StartsWith("transform.transforms[5]: ToTensorV2 is a training-time transform", StringComparison.Ordinal));
        Assert.Contains("# - transform.transforms[4]: Normalize", AlbumentationsYaml.Write(imported), StringComparison.Ordinal);
    }

    [Fact]
    public void Box_and_keypoint_params_map_onto_the_label_settings()
    {
        var detection = Import("v2-detection.json");
        var yaml = AlbumentationsYaml.Write(detection);
        var config = AugmentConfigLoader.Parse(yaml, "augment.yaml");
        Assert.Equal(new Augment.Core.Labels.BoxParams("yolo", MinArea: 16, MinVisibility: 0.3, Clip: true), config.Labels!.Boxes);
        Assert.Equal("labels/{stem}.txt", config.Labels.Input!.Text);

        var pose = AugmentConfigLoader.Parse(AlbumentationsYaml.Write(Import("v2-pose.json")), "augment.yaml");
        Assert.True(pose.Labels!.Keypoints is { Format: "xy", RemoveInvisible: true });

        var voc = AugmentConfigLoader.Parse(AlbumentationsYaml.Write(Import("v1.4-detection.yaml")), "augment.yaml");
        Assert.Equal(("pascal_voc", 0.1), (voc.Labels!.Boxes.Format, voc.Labels.Boxes.MinVisibility));
        Assert.Equal("labels/{stem}.xml", voc.Labels.Input!.Text);
    }

    [Fact]
    public void An_op_that_is_not_here_is_an_error_at_its_line_and_json_path_or_a_note_under_lenient()
    {
        const string Text = "{\"__version__\": \"2.0.8\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": [\n" +
                            "{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 0.5},\n" +
                            "{\"__class_fullname__\": \"my_project.transforms.MyOwnWarp\", \"distort_limit\": [-0.05, 0.05], \"p\": 0.5}]}}";

        var error = Assert.Throws<ConfigException>(() => AlbumentationsImporter.Parse(Text, "saved.json", lenient: false));
        Assert.Equal((ConfigErrorCode.UnknownOp, 3, 24), (error.Code, error.Mark.Line, error.Mark.Column));
        Assert.StartsWith("transform.transforms[1]: MyOwnWarp is not an op of Augment.Build", error.Problem, StringComparison.Ordinal);

        var lenient = AlbumentationsImporter.Parse(Text, "saved.json", lenient: true);
        Assert.Equal(["HorizontalFlip"], lenient.Pipeline.Select(o => o.Name));
        Assert.StartsWith("transform.transforms[1]: MyOwnWarp is not an op", Assert.Single(lenient.LeftOut), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> NotHere()
    {
        var data = new TheoryData<string, string>
        {
            { "Lambda", "Lambda is left out of Augment.Build: it runs arbitrary Python code" },
            { "TimeMasking", "TimeMasking is left out of Augment.Build: it works on spectrograms" },
            { "HorizontalFlop", "HorizontalFlop is not an op of Augment.Build; did you mean 'HorizontalFlip'?" },
        };
        if (AlbumentationsCatalogue.Planned is [var planned, ..])
        {
            data.Add(planned, $"{planned} is not an op of Augment.Build yet (it is planned");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NotHere))]
    public void An_op_that_is_not_here_says_why(string op, string problem)
    {
        var text = $"{{\"transform\": {{\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": [{{\"__class_fullname__\": \"{op}\", \"p\": 0.5}}]}}}}";

        var error = Assert.Throws<ConfigException>(() => AlbumentationsImporter.Parse(text, "saved.json", lenient: false));

        Assert.StartsWith($"transform.transforms[0]: {problem}", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NoOp_is_left_out_with_a_note_as_it_does_nothing()
    {
        const string Text = "{\"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": [{\"__class_fullname__\": \"NoOp\", \"p\": 0.5}, {\"__class_fullname__\": \"InvertImg\", \"p\": 0.5}]}}";

        var imported = AlbumentationsImporter.Parse(Text, "saved.json", lenient: false);

        Assert.Equal(["InvertImg"], imported.Pipeline.Select(o => o.Name));
        Assert.Equal("transform.transforms[0]: NoOp is a transform that does nothing", Assert.Single(imported.LeftOut));
    }

    [Fact]
    public void No_planned_or_left_out_transform_is_already_an_op()
    {
        Assert.DoesNotContain(AlbumentationsCatalogue.Planned.Concat(AlbumentationsCatalogue.LeftOut.Keys), n => OpCatalog.Default.Find(n) is not null);
        Assert.Equal(AlbumentationsCatalogue.Planned.Count, AlbumentationsCatalogue.Planned.Distinct().Count());
    }

    [Fact]
    public void A_parameter_or_value_with_no_equivalent_is_an_error_naming_its_json_path()
    {
        const string Affine = "{\"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": [{\"__class_fullname__\": \"Affine\", \"fit_output\": true, \"p\": 0.5}]}}";
        var unknown = Assert.Throws<ConfigException>(() => AlbumentationsImporter.Parse(Affine, "saved.json", lenient: false));
        Assert.StartsWith("transform.transforms[0].fit_output: Affine here has no parameter fit_output", unknown.Problem, StringComparison.Ordinal);

        const string Shear = "{\"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": [{\"__class_fullname__\": \"Affine\", \"shear\": {\"x\": [0, 0], \"y\": [-5, 5]}, \"p\": 0.5}]}}";
        var shear = Assert.Throws<ConfigException>(() => AlbumentationsImporter.Parse(Shear, "saved.json", lenient: false));
        Assert.StartsWith("transform.transforms[0]: a y-shear has no equivalent here", shear.Problem, StringComparison.Ordinal);

        const string Range = "{\"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": [{\"__class_fullname__\": \"Rotate\", \"limit\": [-400, 10], \"p\": 0.5}]}}";
        var range = Assert.Throws<ConfigException>(() => AlbumentationsImporter.Parse(Range, "saved.json", lenient: false));
        Assert.StartsWith("transform.transforms[0] (Rotate): Rotate.limit", range.Problem, StringComparison.Ordinal);
    }

    private static AlbumentationsImport Import(string name) => AlbumentationsImporter.Parse(SavedPipelines.All[name], name, lenient: false);

    private static IEnumerable<ImportedOp> Flatten(IEnumerable<ImportedOp> ops) => ops.SelectMany(o => (IEnumerable<ImportedOp>)[o, .. Flatten(o.Children)]);

    private static JObject Document(string name) => name.EndsWith(".json", StringComparison.Ordinal)
        ? JObject.Parse(SavedPipelines.All[name])
        : (JObject)ConfigNodes.ToToken(YamlNodeReader.Read(SavedPipelines.All[name], name)!);

    // The source transform at an import path ("transform.transforms[2].transforms[0]").
    private static JObject Source(string name, string path)
    {
        JToken at = Document(name);
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            at = bracket < 0 ? at[part]! : at[part[..bracket]]![int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        return (JObject)at;
    }

    private static IEnumerable<JObject> Transforms(string name)
    {
        static IEnumerable<JObject> Walk(JObject t) => t["transforms"] is JArray list ? list.Cast<JObject>().SelectMany(c => (IEnumerable<JObject>)[c, .. Walk(c)]) : [];
        return Walk((JObject)Document(name)["transform"]!);
    }

    private static bool IsTrainingTime(JObject transform) => transform["__class_fullname__"]!.ToString() is "Normalize" or "ToTensorV2";

    private static bool SameValue(JToken source, JToken canonical, ParamSpec spec) => (source, canonical) switch
    {
        (JValue { Type: JTokenType.Integer } code, JValue { Type: JTokenType.String } name) when spec is ChoiceParam choice => choice.CodeOf(name.ToString()) == code.Value<int>(),
        (JValue { Type: JTokenType.Integer or JTokenType.Float } a, JValue { Type: JTokenType.Integer or JTokenType.Float } b) => a.Value<double>() == b.Value<double>(),
        (JValue { Type: JTokenType.Integer or JTokenType.Float } a, JArray { Count: 1 } b) => a.Value<double>() == b[0].Value<double>(), // a fill for every channel
        (JArray a, JArray b) => a.Count == b.Count && a.Zip(b).All(p => SameValue(p.First, p.Second, spec)),
        _ => JToken.DeepEquals(source, canonical),
    };
}
