using System.Text.Json.Nodes;
using Augment.Integration.Tests.Distributed;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Cli;

/// <summary>
/// `import albumentations` and `export albumentations` through the real tool: a saved pipeline
/// becomes a config that builds a dataset, and the export of that config imports to a config that
/// builds the very same bytes.
/// </summary>
public sealed class AlbumentationsCliTests : IDisposable
{
    // As Albumentations 1.4 writes it with A.save(transform, path, data_format="yaml").
    private const string SavedYaml = """
        __version__: 1.4.18
        transform:
          __class_fullname__: Compose
          additional_targets: {}
          bbox_params: null
          is_check_shapes: true
          keypoint_params: null
          p: 1.0
          transforms:
          - __class_fullname__: HorizontalFlip
            always_apply: false
            p: 0.5
          - __class_fullname__: ShiftScaleRotate
            always_apply: false
            border_mode: 0
            interpolation: 1
            mask_value: 0
            p: 0.8
            rotate_limit: [-20, 20]
            scale_limit: [-0.1, 0.1]
            shift_limit_x: [-0.05, 0.05]
            shift_limit_y: [-0.05, 0.05]
            value: 0
          - __class_fullname__: OneOf
            p: 0.5
            transforms:
            - __class_fullname__: GaussNoise
              always_apply: false
              mean: 0
              p: 1.0
              per_channel: true
              var_limit: [10.0, 50.0]
            - __class_fullname__: MotionBlur
              always_apply: false
              blur_limit: [3, 7]
              p: 1.0
          - __class_fullname__: RandomBrightnessContrast
            always_apply: false
            brightness_by_max: true
            brightness_limit: [-0.2, 0.2]
            contrast_limit: [-0.2, 0.2]
            p: 0.5
          - __class_fullname__: Normalize
            always_apply: false
            max_pixel_value: 255.0
            mean: [0.485, 0.456, 0.406]
            p: 1.0
            std: [0.229, 0.224, 0.225]
        """;

    private readonly TempFolder _temp = new();

    [Fact]
    public void A_saved_pipeline_imports_to_a_config_that_builds_and_its_export_imports_to_the_same_bytes()
    {
        var first = Dataset("first");
        File.WriteAllText(Path.Combine(first, "saved.yaml"), SavedYaml);

        var imported = Tool(first, "import", "albumentations", "saved.yaml");
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("wrote augment.yaml: 6 op(s), 1 left out", imported.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("left out: transform.transforms[4]: Normalize is a training-time transform", imported.StandardError, StringComparison.Ordinal);
        var built = Tool(first, "build", "augment.yaml", "--json");
        Assert.True(built.ExitCode == 0, built.ToString());
        Assert.Equal(7, JsonNode.Parse(built.StandardOutput)!["rendered"]!.GetValue<int>()); // the seven sample images, one variant each

        var exported = Tool(first, "export", "albumentations", "augment.yaml", "-o", "exported.json");
        Assert.True(exported.ExitCode == 0, exported.ToString());
        var second = Dataset("second");
        File.Copy(Path.Combine(first, "exported.json"), Path.Combine(second, "exported.json"));
        Assert.Equal(0, Tool(second, "import", "albumentations", "exported.json").ExitCode);
        Assert.True(Tool(second, "build", "augment.yaml").ExitCode == 0);

        // The same files, and in the manifests the same records (the configs' own hashes differ: comments and layout).
        var (a, b) = (DatasetCopies.Contents(Path.Combine(first, "out")), DatasetCopies.Contents(Path.Combine(second, "out")));
        Assert.Equal(a.Where(f => f.Key != "manifest.json"), b.Where(f => f.Key != "manifest.json"));
        Assert.Equal(7, a.Count(f => f.Key.StartsWith("images/", StringComparison.Ordinal)));
        Assert.Equal(Records(first), Records(second));
    }

    [Fact]
    public void An_op_that_is_not_here_is_one_error_at_its_line_and_nothing_is_written_and_an_existing_config_is_kept()
    {
        var folder = Dataset("errors");
        File.WriteAllText(Path.Combine(folder, "saved.yaml"), SavedYaml.Replace("MotionBlur", "MyOwnBlur", StringComparison.Ordinal));

        var refused = Tool(folder, "import", "albumentations", "saved.yaml");
        Assert.Equal(2, refused.ExitCode);
        var error = Assert.Single(refused.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var line = SavedYaml.Split('\n').ToList().FindIndex(l => l.Contains("MotionBlur", StringComparison.Ordinal)) + 1; // where MyOwnBlur, a custom transform of the user's, now is
        Assert.Matches($@"^error AUG2003: .*saved\.yaml:{line}:\d+: transform\.transforms\[2\]\.transforms\[1\]: MyOwnBlur is not an op of Augment\.Build", error);
        Assert.False(File.Exists(Path.Combine(folder, "augment.yaml")));

        var lenient = Tool(folder, "import", "albumentations", "saved.yaml", "--lenient");
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Contains("# - transform.transforms[2].transforms[1]: MyOwnBlur is not an op", File.ReadAllText(Path.Combine(folder, "augment.yaml")), StringComparison.Ordinal);

        var before = File.ReadAllText(Path.Combine(folder, "augment.yaml"));
        var again = Tool(folder, "import", "albumentations", "saved.yaml", "--lenient");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("augment.yaml already exists; not overwritten", again.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(folder, "augment.yaml")));
    }

    public void Dispose() => _temp.Dispose();

    private static List<string> Records(string folder) =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "manifest.json")))!["items"]!.AsArray().Select(i => i!["ops"]!.ToJsonString())];

    private static ProcessResult Tool(string folder, params string[] arguments) =>
        ProcessRunner.Run("dotnet", ["exec", RepoPaths.CliAssembly, .. arguments], folder);

    // A folder with the sample images under images/, as the imported config's inputs expect.
    private string Dataset(string name)
    {
        var folder = _temp.Combine(name);
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        foreach (var image in Directory.GetFiles(Path.Combine(RepoPaths.Root, "sample-dataset", "images")))
        {
            File.Copy(image, Path.Combine(folder, "images", Path.GetFileName(image)));
        }

        return folder;
    }
}
