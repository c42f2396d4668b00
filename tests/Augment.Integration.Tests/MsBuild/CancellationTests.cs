using System.Diagnostics;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>
/// Ctrl+C on `dotnet build` cancels the AugmentEngine task (ICancelableTask): the engine process is
/// stopped, the build fails, and the next build completes the dataset.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class CancellationTests(PackageFeed feed)
{
    private const int Sources = 24;
    private const int Variants = 4;

    [Fact]
    public async Task Ctrl_C_stops_the_engine_and_the_next_build_finishes_the_dataset()
    {
        using var project = new DatasetProject(feed, $$"""
            version: 1
            seed: 5
            inputs:
              images: "many/*.png"
            variants: {{Variants}}
            output:
              dir: out
            pipeline:
              - ElasticTransform: { alpha: 120, sigma: 50, p: 1.0 }
              - GaussNoise: { std_range: [0.05, 0.1], p: 1.0 }
            """);
        Directory.CreateDirectory(project.Combine("many"));
        for (var i = 0; i < Sources; i++)
        {
            File.Copy(project.Combine("images", "coins.png"), project.Combine("many", $"s{i:00}.png"));
        }

        var marker = Guid.NewGuid().ToString("N");
        // Through `env --default-signal=INT`: a test run started in the background by a shell without
        // job control (`cmd &`, nohup) inherits SIGINT ignored, and .NET keeps an ignored SIGINT
        // ignored in what it starts, so the Ctrl+C below would never reach the build.
        var start = new ProcessStartInfo("env")
        {
            ArgumentList = { "--default-signal=INT", "dotnet", "build", project.ProjectPath, "-nologo", "-tl:off", "-v:m", "-p:AugmentJobs=1" },
            WorkingDirectory = project.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["MSBUILDDISABLENODEREUSE"] = "1", ["AUGMENT_TEST_ENGINE_MARKER"] = marker },
        };
        using var build = Process.Start(start)!;
        var output = build.StandardOutput.ReadToEndAsync();
        _ = build.StandardError.ReadToEndAsync();

        Assert.True(WaitFor(() => Engines(marker).Count > 0 ? "running" : null, TimeSpan.FromMinutes(2)) is not null, "the engine never started");

        // Ctrl+C as soon as the first item is in the cache, not after a fixed pause: a pause of a second
        // once let a fast build finish every item first (exit 0), and the test must stop it mid-way.
        Assert.True(WaitFor(() => CachedObject(project), TimeSpan.FromMinutes(2)) is not null, "the engine never stored an item");
        using (var kill = Process.Start("kill", ["-INT", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(build.WaitForExit(TimeSpan.FromMinutes(1)), "the build did not stop after Ctrl+C");
        Assert.NotEqual(0, build.ExitCode);
        Assert.True(WaitFor(() => Engines(marker).Count == 0 ? "gone" : null, TimeSpan.FromSeconds(30)) is not null, "the engine outlived the cancelled build");
        Assert.DoesNotMatch(@"augment: augment\.yaml: \d+ built", await output);

        var next = project.Build();
        Assert.True(next.ExitCode == 0, next.ToString());
        var summary = DatasetProject.Summary(next);
        Assert.Equal((Sources * Variants, 0), (summary.Built + summary.UpToDate, summary.Failed));
        Assert.True(summary.Built > 0, "the cancelled build finished everything before it was stopped; the test needs more work per build");
    }

    /// <summary>The first object in the build's content cache (under obj/), once an item is stored.</summary>
    private static string? CachedObject(DatasetProject project)
    {
        try
        {
            return Directory.EnumerateFiles(project.Combine("obj"), "*", SearchOption.AllDirectories)
                .FirstOrDefault(f => f.Contains($"{Path.DirectorySeparatorChar}objects{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        }
        catch (DirectoryNotFoundException)
        {
            return null; // obj/, or a folder in it, not there yet (or renamed away while listed)
        }
    }

    /// <summary>Engine processes started by this test's build.</summary>
    private static List<int> Engines(string marker) => MarkedProcesses.Find("AUGMENT_TEST_ENGINE_MARKER", marker, "dotnet-augment.dll");

    private static T? WaitFor<T>(Func<T?> probe, TimeSpan timeout)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (probe() is { } value)
            {
                return value;
            }

            Thread.Sleep(100);
        }

        return null;
    }
}
