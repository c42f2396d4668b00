using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>
/// Issue 5, acceptance 4: the task's assembly is not held by MSBuild's reused nodes. The dataset is
/// built with every project in a worker node (MSBUILDNOINPROCNODE) that stays alive for the next
/// build (node reuse on); the task project is then rebuilt into the same file with another version,
/// and the next build must run the new task. An assembly loaded into the reused node itself would
/// still report the first version.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class TaskRebuildTests(PackageFeed feed)
{
    [Fact]
    public void A_rebuilt_task_assembly_is_used_by_the_next_build_of_the_dataset()
    {
        using var tasks = new TempFolder("augment-tasks-");
        var marker = Guid.NewGuid().ToString("N");
        var taskAssembly = Path.Combine(tasks.Path, "artifacts", "bin", "Augment.Build.Tasks", "release", "Augment.Build.Tasks.dll");
        var targets = Path.Combine(RepoPaths.Root, "src", "Augment.Build.Tasks", "build");
        using var project = new DatasetProject(feed, project: $"""
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AugmentInRepo>true</AugmentInRepo>
                <AugmentTasksAssembly>{taskAssembly}</AugmentTasksAssembly>
                <AugmentEnginePath>{RepoPaths.CliAssembly}</AugmentEnginePath>
              </PropertyGroup>
              <Import Project="{targets}/Augment.Build.props" />
              <ItemGroup>
                <AugmentDataset Include="augment.yaml" />
              </ItemGroup>
              <Import Project="{targets}/Augment.Build.targets" />
            </Project>
            """);
        var environment = new Dictionary<string, string?>
        {
            ["MSBUILDNOINPROCNODE"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = null,
            ["AUGMENT_TEST_NODE_MARKER"] = marker,
        };

        try
        {
            BuildTasks(tasks.Path, "first");
            var first = project.BuildWithReusedNodes(environment);
            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Contains("Augment.Build.Tasks 0.1.0+first", first.StandardOutput, StringComparison.Ordinal);
            Assert.NotEmpty(NodesWith(marker));

            BuildTasks(tasks.Path, "second");
            File.AppendAllText(project.Combine("augment.yaml"), "# edited, so that the engine runs\n");
            var second = project.BuildWithReusedNodes(environment);

            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.Contains("Augment.Build.Tasks 0.1.0+second", second.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("0.1.0+first", second.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            MarkedProcesses.Kill(NodesWith(marker));
        }
    }

    /// <summary>Builds only the task project, into a folder of the test's own, stamped with a version suffix.</summary>
    private static void BuildTasks(string artifacts, string suffix)
    {
        var result = ProcessRunner.Run("dotnet", [
            "build", Path.Combine(RepoPaths.Root, "src", "Augment.Build.Tasks", "Augment.Build.Tasks.csproj"),
            "-c", "Release", "-nologo", "-tl:off", "-v:q",
            $"-p:ArtifactsPath={Path.Combine(artifacts, "artifacts")}",
            "-p:BuildProjectReferences=false",
            $"-p:InformationalVersion=0.1.0+{suffix}",
            "-p:IncludeSourceRevisionInInformationalVersion=false",
        ]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>The MSBuild nodes this test's builds started, kept alive for reuse.</summary>
    private static List<int> NodesWith(string marker) => MarkedProcesses.Find("AUGMENT_TEST_NODE_MARKER", marker, "nodeReuse:true");
}
