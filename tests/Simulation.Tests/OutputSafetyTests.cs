using Simulation.Runner.Cli;
using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Results;
using static Simulation.Tests.CliTests;

namespace Simulation.Tests;

/// <summary>
/// `--force` replaces only folders this tool wrote (or empty ones): a mistyped --out must never delete a user's
/// scenarios, data or repository. Every refusal is exit 2 and leaves every file as it was.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class OutputSafetyTests
{
    /// <summary>A copy of the shipped scenarios in a temporary folder, so a failing refusal could only harm the copy.</summary>
    private static string CopyOfScenarios(string name)
    {
        var root = TestWorld.TempDir(name);
        var target = Path.Combine(root, "scenarios");
        foreach (var file in Directory.EnumerateFiles(TestWorld.Scenarios, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(TestWorld.Scenarios, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    /// <summary>Every file under a folder with its contents, to show that nothing was touched.</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);

    private static async Task AssertRefused(string folder, string reason, params string[] args)
    {
        var before = Snapshot(folder);
        var (code, _, err) = await Cli(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--force will not replace", err);
        Assert.Contains(reason, err);
        Assert.DoesNotContain("   at ", err);
        Assert.Equal(before, Snapshot(folder));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(Path.GetFullPath(folder))!, ".*partial*"));
    }

    [Fact]
    public async Task Force_refuses_the_folder_that_holds_the_scenario()
    {
        var scenarios = CopyOfScenarios("force-scenarios");
        await AssertRefused(scenarios, "which this command reads",
            "run", Path.Combine(scenarios, "baseline.json"), "--out", scenarios, "--force", "--engine", "inprocess", "-n", "2");
    }

    [Fact]
    public async Task Force_refuses_a_parent_of_the_scenario_and_the_world_folder()
    {
        var scenarios = CopyOfScenarios("force-parent");
        var parent = Path.GetDirectoryName(scenarios)!;
        await AssertRefused(parent, "which this command reads",
            "run", Path.Combine(scenarios, "baseline.json"), "--out", parent, "--force", "--engine", "inprocess");
        var world = Path.Combine(scenarios, "world");
        await AssertRefused(world, "countries.csv",
            "compare", Path.Combine(scenarios, "baseline.json"), Path.Combine(scenarios, "history.json"), "--out", world, "--force");
    }

    [Fact]
    public async Task Force_refuses_a_folder_the_tool_did_not_write()
    {
        var folder = TestWorld.TempDir("force-foreign");
        File.WriteAllText(Path.Combine(folder, "thesis.docx"), "three months of work");
        await AssertRefused(folder, "was not written by this tool",
            "run", TestWorld.ShortScenario("foreign", end: "2008-12"), "--out", folder, "--force", "--engine", "inprocess");
        await AssertRefused(folder, "was not written by this tool",
            "sweep", TestWorld.ShortScenario("foreign-sweep", end: "2008-12"), "--set", "parameters.adoption.innovation=0.002,0.003",
            "--out", folder, "--force", "--engine", "inprocess", "-n", "2");
    }

    [Fact]
    public async Task Force_refuses_a_repository_even_one_that_looks_like_output()
    {
        var repo = TestWorld.TempDir("force-repo");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        File.WriteAllText(Path.Combine(repo, ".git", "HEAD"), "ref: refs/heads/main");
        File.WriteAllText(Path.Combine(repo, OutputSafety.MarkerFile), "planted");
        await AssertRefused(repo, "it is a repository",
            "run", TestWorld.ShortScenario("repo", end: "2008-12"), "--out", repo, "--force", "--engine", "inprocess");
    }

    [Fact]
    public async Task Force_refuses_the_current_directory_and_its_parents()
    {
        var scenario = TestWorld.ShortScenario("cwd", end: "2008-12");
        var cwd = Directory.GetCurrentDirectory();
        var (code, _, err) = await Cli("run", scenario, "--out", ".", "--force", "--engine", "inprocess");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("it is the current directory", err);
        (code, _, err) = await Cli("run", scenario, "--out", Path.GetDirectoryName(cwd)!, "--force", "--engine", "inprocess");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("it holds the current directory", err);
        Assert.True(Directory.Exists(cwd));
    }

    [Fact]
    public async Task Force_replaces_a_folder_the_tool_wrote()
    {
        var scenario = TestWorld.ShortScenario("replace", end: "2008-12", tick: "quarter");
        var outDir = Path.Combine(TestWorld.TempDir("replace"), "results");
        var (code, _, _) = await Cli("run", scenario, "--engine", "inprocess", "--out", outDir, "-n", "2");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(File.Exists(Path.Combine(outDir, OutputSafety.MarkerFile)));
        Assert.Empty(OutputSafety.Unclaimed(outDir));
        (code, _, _) = await Cli("run", scenario, "--engine", "inprocess", "--out", outDir, "-n", "3", "--force");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\"replicates\": 3", File.ReadAllText(Path.Combine(outDir, "manifest.json")));
    }

    [Fact]
    public async Task Force_refuses_a_folder_that_only_looks_like_output()
    {
        // manifest.json or sweep.json alone used to pass for this tool's folder.
        var folder = TestWorld.TempDir("force-lookalike");
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "{}");
        File.WriteAllText(Path.Combine(folder, "thesis.docx"), "three months of work");
        await AssertRefused(folder, "was not written by this tool",
            "run", TestWorld.ShortScenario("lookalike", end: "2008-12"), "--out", folder, "--force", "--engine", "inprocess");
    }

    [Fact]
    public async Task An_out_folder_given_through_a_symbolic_link_is_written_and_the_link_stays()
    {
        if (OperatingSystem.IsWindows()) return;
        var root = TestWorld.TempDir("out-link");
        var target = Directory.CreateDirectory(Path.Combine(root, "target")).FullName;
        var link = Path.Combine(root, "link");
        Directory.CreateSymbolicLink(link, target);
        var scenario = TestWorld.ShortScenario("out-link", end: "2008-12", tick: "quarter");
        foreach (var force in new[] { false, true }) // an empty folder filled; then the tool's own folder replaced
        {
            var (code, _, err) = await Cli(["run", scenario, "--out", link, "--engine", "inprocess", "-n", "2", .. force ? new[] { "--force" } : []]);
            Assert.True(code == ExitCodes.Ok, err);
            Assert.NotNull(new DirectoryInfo(link).LinkTarget); // still a link
            Assert.True(File.Exists(Path.Combine(target, "summary.csv")));
        }
    }

    [Fact]
    public async Task An_out_link_to_a_missing_folder_is_named_as_such_and_nothing_is_written()
    {
        if (OperatingSystem.IsWindows()) return;
        var root = TestWorld.TempDir("out-dangling");
        var link = Path.Combine(root, "link");
        File.CreateSymbolicLink(link, Path.Combine(root, "gone"));
        var scenario = TestWorld.ShortScenario("out-dangling", end: "2008-12", tick: "quarter");
        foreach (var command in new[] { "run", "sweep" })
        {
            var (code, _, err) = await Cli([command, scenario, "--out", link, .. command == "sweep" ? new[] { "--set", "parameters.adoption.imitation=0.1,0.2" } : [], "--engine", "inprocess", "-n", "2"]);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("is a symbolic link to", err);
            Assert.Contains("which does not exist", err);
            Assert.DoesNotContain("is a file", err);
            Assert.Equal([link], Directory.EnumerateFileSystemEntries(root));
        }
    }

    [Fact]
    public async Task A_folder_the_user_made_keeps_its_permissions_when_filled_and_replaced()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = Directory.CreateDirectory(Path.Combine(TestWorld.TempDir("user-folder"), "results")).FullName;
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(folder, mode); // 775: shared with a group, unlike the 755 a new folder gets
        var scenario = TestWorld.ShortScenario("user-folder", end: "2008-12", tick: "quarter");
        foreach (var args in new[] { new[] { "-n", "2" }, ["-n", "3", "--force"] })
        {
            var (code, _, err) = await Cli(["run", scenario, "--out", folder, "--engine", "inprocess", .. args]);
            Assert.True(code == ExitCodes.Ok, err);
            Assert.Equal(mode, File.GetUnixFileMode(folder));
        }
        Assert.Contains("\"replicates\": 3", File.ReadAllText(Path.Combine(folder, "manifest.json")));
    }

    /// <summary>A folder in which this tool has already written a short run's results.</summary>
    private static async Task<(string Root, string Folder, string Scenario)> EarlierRun(string name, string folderName = "out")
    {
        var root = TestWorld.TempDir(name);
        var folder = Path.Combine(root, folderName);
        var scenario = TestWorld.ShortScenario(name, end: "2008-12", tick: "quarter");
        var (code, _, err) = await Cli("run", scenario, "--out", folder, "--engine", "inprocess", "-n", "2");
        Assert.True(code == ExitCodes.Ok, err);
        return (root, folder, scenario);
    }

    [Fact]
    public async Task A_run_with_force_does_not_replace_a_folder_another_command_is_writing()
    {
        var (root, folder, scenario) = await EarlierRun("busy", "sweep");
        // A sweep still running there holds the folder's lock (another process: a second open of the file conflicts).
        using (new FileStream(Path.Combine(root, ".sweep.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var before = Snapshot(folder);
            var (code, _, err) = await Cli("run", scenario, "--out", folder, "--force", "--engine", "inprocess", "-n", "3");
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("is writing into", err);
            Assert.Equal(before, Snapshot(folder));
        }
    }

    [Fact]
    public async Task Force_sees_an_input_reached_through_a_symbolic_link()
    {
        if (OperatingSystem.IsWindows()) return;
        var (root, folder, scenario) = await EarlierRun("input-link");
        File.Copy(scenario, Path.Combine(folder, "mine.json")); // the user keeps a scenario there (and it is theirs)
        OutputSafety.Claim(folder, "mine.json"); // even were it listed as the tool's, it is an input of the command
        var link = Path.Combine(root, "link");
        Directory.CreateSymbolicLink(link, folder);
        await AssertRefused(folder, "which this command reads",
            "run", Path.Combine(link, "mine.json"), "--out", folder, "--force", "--engine", "inprocess", "-n", "2");
    }

    [Fact]
    public async Task A_file_put_into_the_folder_while_a_run_goes_on_is_not_deleted_by_force()
    {
        var (_, folder, scenario) = await EarlierRun("force-during");
        using var output = Simulation.Runner.Results.OutputFolder.Open(folder, "during", force: true, "run", [scenario]);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine"); // after the check, before the results are moved in
        var e = Assert.Throws<UnsafeOutputException>(output.Commit);
        Assert.Contains("notes.txt", e.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(folder, "summary.csv"))); // the earlier results too
    }

    [Fact]
    public async Task A_sweep_replaced_with_force_is_kept_aside_until_the_new_one_finishes_and_two_sweeps_never_share_a_folder()
    {
        var root = TestWorld.TempDir("sweep-aside");
        var folder = Path.Combine(root, "sweep");
        var scenario = TestWorld.ShortScenario("aside", end: "2009-12", tick: "year");
        Task<string> Sweep(string set, bool force, CancellationToken cancel = default) => Simulation.Runner.Sweeps.SweepPipeline.RunAsync(scenario,
            [Simulation.Runner.Sweeps.SweepParameter.Parse(set)], null, new RunOptions("", 2, Out: folder, Engine: Engine.InProcess, Force: force), cancel);
        await Sweep("parameters.adoption.innovation=0.002,0.003", force: false);
        Assert.Empty(OutputSafety.Unclaimed(folder)); // everything the sweep wrote is listed: --force may replace it

        // Another design started with --force and cut off (no Finished): the earlier sweep waits aside.
        using (Simulation.Runner.Sweeps.DesignFolder.Prepare(folder, "sweep.json", "another design", force: true, [scenario], "sweep")) { }
        var aside = Assert.Single(Directory.GetDirectories(root, ".sweep.replaced-*"));
        Assert.Contains("innovation", File.ReadAllText(Path.Combine(aside, "sweep.json")));

        // A second design into the folder while one holds it (another process's lock) is refused.
        using (new FileStream(Path.Combine(root, ".sweep.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            await Assert.ThrowsAsync<OutputBusyException>(() => Sweep("parameters.adoption.imitation=0.1,0.2", force: true));

        await Sweep("parameters.adoption.imitation=0.1,0.2", force: true); // finishes: what was put aside goes
        Assert.Empty(Directory.GetDirectories(root, ".sweep.replaced-*"));
        Assert.Contains("imitation", File.ReadAllText(Path.Combine(folder, "sweep.json")));
    }

    [Fact]
    public async Task An_out_folder_that_cannot_be_created_is_bad_input()
    {
        var root = TestWorld.TempDir("unwritable");
        var file = Path.Combine(root, "a-file");
        File.WriteAllText(file, "x");
        var (code, _, err) = await Cli("run", TestWorld.ShortScenario("unwritable", end: "2008-12"), "--out", Path.Combine(file, "sub"),
            "--engine", "inprocess");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("cannot write the output folder", err);
        Assert.Equal(["a-file"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }
}

/// <summary>Every malformed option is exit 2 with the option named; none crashes with a stack trace.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OptionParsingTests
{
    private static readonly string Baseline = Path.Combine(TestWorld.Scenarios, "baseline.json");
    private static readonly string History = Path.Combine(TestWorld.Scenarios, "history.json");
    private static readonly string Hindcast = Path.Combine(TestWorld.Scenarios, "hindcast-2019.json");
    private static readonly string Targets = Path.Combine(TestWorld.Scenarios, "targets", "aigs-2019.json");

    public static TheoryData<string[], string> Cases => new()
    {
        { ["run", Baseline, "-n", "abc"], "--replicates" },
        { ["run", Baseline, "-n", "1e3"], "--replicates" },
        { ["run", Baseline, "-n", "2147483648"], "--replicates" },
        { ["run", Baseline, "-n", "0"], "--replicates" },
        { ["run", Baseline, "-n", "10001"], "--replicates" },
        { ["run", Baseline, "--silos", "abc"], "--silos" },
        { ["run", Baseline, "--silos", "9"], "--silos" },
        { ["run", Baseline, "--seed", "-1"], "--seed" },
        { ["run", Baseline, "--seed", "seven"], "--seed" },
        { ["run", Baseline, "--silos", "3", "--engine", "inprocess"], "--silos applies only to --engine orleans" },
        { ["compare", Baseline, History, "-n", "x"], "--replicates" },
        { ["compare", Baseline, History, "--silos", "2", "--engine", "inprocess"], "--silos" },
        { ["sweep", Baseline, "--set", "parameters.adoption.innovation=1,2", "-n", "x"], "--replicates" },
        { ["sweep", Baseline, "--set", "parameters.adoption.innovation=1,2", "--lhs", "abc"], "--lhs" },
        { ["sweep", Baseline, "--set", "parameters.adoption.innovation=1,2", "--lhs", "1"], "--lhs" },
        { ["calibrate", Hindcast, "--targets", Targets, "-n", "x"], "--replicates" },
        { ["calibrate", Hindcast, "--targets", Targets, "--budget", "abc"], "--budget" },
        { ["calibrate", Hindcast, "--targets", Targets, "--budget", "0"], "--budget" },
        { ["bench", "-n", "abc"], "--replicates" },
        { ["bench", "--sweep-points", "many"], "--sweep-points" },
        { ["bench", "--scale", "--countries", "0"], "--countries" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_option_values_are_exit_2_naming_the_option(string[] args, string named)
    {
        var (code, output, err) = await Cli(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(named, err);
        Assert.DoesNotContain("   at ", err + output);
        Assert.DoesNotContain("Exception", err + output);
    }

    [Fact]
    public async Task Extends_naming_a_folder_says_it_is_a_folder()
    {
        var path = TestWorld.WriteScenario($$"""{ "name": "folder-base", "extends": "{{TestWorld.Scenarios.Replace("\\", "/")}}" }""", "folder-base");
        var (code, _, err) = await Cli("validate", path);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("is a folder", err);
        Assert.Contains("$.extends", err);
    }
}
