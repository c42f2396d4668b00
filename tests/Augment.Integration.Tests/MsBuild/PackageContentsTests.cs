using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>
/// What the packed packages hold. Augment.Build: the task alone under tasks/ (no dependency that
/// could collide with MSBuild's own Newtonsoft.Json or System.Text.Json), the engine and its
/// dependencies under engine/ with OpenCvSharp's native library for linux-x64 beside them, props and targets
/// under build/ and buildTransitive/, and the development-dependency flag. dotnet-augment: one
/// framework-dependent tool package for any platform. Both carry the CLI compiled ReadyToRun.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class PackageContentsTests(PackageFeed feed)
{
    /// <summary>The CLI's managed assemblies, ours and its dependencies, each shipped ReadyToRun.</summary>
    private static readonly string[] s_cliAssemblies =
        ["dotnet-augment.dll", "Augment.Core.dll", "OpenCvSharp.dll", "Newtonsoft.Json.dll", "YamlDotNet.dll", "System.CommandLine.dll"];

    [Fact]
    public void The_package_carries_the_task_alone_and_the_engine_beside_it()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Folder, $"Augment.Build.{feed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(["tasks/net10.0/Augment.Build.Tasks.dll"], entries.Where(e => e.StartsWith("tasks/", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.Ordinal));
        Assert.Contains("engine/libOpenCvSharpExtern.so", entries);
        Assert.DoesNotContain(entries, e => e.Contains("augment_native", StringComparison.Ordinal));
        Assert.Contains("engine/dotnet-augment.dll", entries);
        Assert.Contains("engine/dotnet-augment.runtimeconfig.json", entries);
        Assert.Contains("engine/Augment.Core.dll", entries);
        Assert.Contains("engine/Newtonsoft.Json.dll", entries);
        Assert.DoesNotContain("engine/dotnet-augment", entries);
        Assert.All(s_cliAssemblies, name => Assert.True(IsReadyToRun(package, "engine/" + name), $"engine/{name} is not ReadyToRun"));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        foreach (var folder in new[] { "build", "buildTransitive" })
        {
            Assert.Contains($"{folder}/Augment.Build.props", entries);
            Assert.Contains($"{folder}/Augment.Build.targets", entries);
        }

        var metadata = Metadata(package, "Augment.Build.nuspec");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
    }

    /// <summary>
    /// Packed for linux-x64 (ReadyToRun needs a RID), the tool is still one DotnetTool package under
    /// tools/net10.0/any/ run by `dotnet`, not .NET 10's RID-specific tool packages: a runtime on
    /// another platform ignores the precompiled code and JIT-compiles the IL.
    /// </summary>
    [Fact]
    public void The_tool_package_is_one_framework_dependent_package_compiled_ReadyToRun()
    {
        Assert.Empty(Directory.GetFiles(feed.Folder, "dotnet-augment.linux-*.nupkg"));
        using var package = ZipFile.OpenRead(Path.Combine(feed.Folder, $"dotnet-augment.{feed.Version}.nupkg"));
        var tools = package.Entries.Select(e => e.FullName).Where(e => e.StartsWith("tools/", StringComparison.Ordinal)).ToList();

        Assert.All(tools, e => Assert.StartsWith("tools/net10.0/any/", e, StringComparison.Ordinal));
        Assert.Contains("tools/net10.0/any/libOpenCvSharpExtern.so", tools);
        Assert.DoesNotContain("tools/net10.0/any/dotnet-augment", tools);
        Assert.All(s_cliAssemblies, name => Assert.True(IsReadyToRun(package, "tools/net10.0/any/" + name), $"{name} is not ReadyToRun"));

        using var settingsStream = package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        var command = XDocument.Load(settingsStream).Descendants("Command").Single();
        Assert.Equal("dotnet", command.Attribute("Runner")?.Value);
        Assert.Equal("dotnet-augment.dll", command.Attribute("EntryPoint")?.Value);

        var packageType = Metadata(package, "dotnet-augment.nuspec").Descendants().Single(e => e.Name.LocalName == "packageType");
        Assert.Equal("DotnetTool", packageType.Attribute("name")?.Value);
    }

    /// <summary>
    /// The packaged OpenCV library needs no system OpenCV (its own is linked in): ldd finds every
    /// library it names, GTK 3 among them (build/setup.sh installs libgtk-3-0), and no libopencv.
    /// </summary>
    [Fact]
    public void The_packaged_opencv_library_links_no_system_opencv_and_finds_everything()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Folder, $"Augment.Build.{feed.Version}.nupkg"));
        using var temp = new TestSupport.TempFolder();
        var library = temp.Combine("libOpenCvSharpExtern.so");
        package.GetEntry("engine/libOpenCvSharpExtern.so")!.ExtractToFile(library);

        var linked = TestSupport.ProcessRunner.Run("ldd", [library]);

        Assert.True(linked.ExitCode == 0, linked.ToString());
        Assert.Contains("libgtk-3.so.0 => /", linked.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", linked.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("libopencv", linked.StandardOutput, StringComparison.Ordinal);
    }

    private static XElement Metadata(ZipArchive package, string nuspec)
    {
        using var stream = package.GetEntry(nuspec)!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    /// <summary>A ReadyToRun image names its native code in the CLI header's ManagedNativeHeader.</summary>
    private static bool IsReadyToRun(ZipArchive package, string path)
    {
        var entry = package.GetEntry(path);
        if (entry is null)
        {
            return false;
        }

        using var bytes = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(bytes);
        }

        bytes.Position = 0;
        using var reader = new PEReader(bytes);
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}
