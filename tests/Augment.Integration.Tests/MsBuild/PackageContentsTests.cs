using System.IO.Compression;
using System.Xml.Linq;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>
/// What the packed Augment.Build package holds: the task alone under tasks/ (no dependency that
/// could collide with MSBuild's own Newtonsoft.Json or System.Text.Json), the engine and its
/// dependencies under engine/, the native shim under runtimes/linux-x64/native, props and targets
/// under build/ and buildTransitive/, and the development-dependency flag.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class PackageContentsTests(PackageFeed feed)
{
    [Fact]
    public void The_package_carries_the_task_alone_and_the_engine_beside_it()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Folder, $"Augment.Build.{feed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(["tasks/net10.0/Augment.Build.Tasks.dll"], entries.Where(e => e.StartsWith("tasks/", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.Ordinal));
        Assert.Contains("runtimes/linux-x64/native/libaugment_native.so", entries);
        Assert.Contains("engine/dotnet-augment.dll", entries);
        Assert.Contains("engine/dotnet-augment.runtimeconfig.json", entries);
        Assert.Contains("engine/Augment.Core.dll", entries);
        Assert.Contains("engine/Newtonsoft.Json.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        foreach (var folder in new[] { "build", "buildTransitive" })
        {
            Assert.Contains($"{folder}/Augment.Build.props", entries);
            Assert.Contains($"{folder}/Augment.Build.targets", entries);
        }

        using var nuspec = package.GetEntry("Augment.Build.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
    }
}
