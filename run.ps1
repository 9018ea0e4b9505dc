# Runs the simulation's command-line tool from the repository root. Arguments are passed to it unchanged:
#   ./run.ps1                                           same as: ./run.ps1 run scenarios/baseline.json
#   ./run.ps1 run scenarios/baseline.json --replicates 20 --seed 7
#   ./run.ps1 validate scenarios/baseline.json
#   ./run.ps1 bench
#   ./run.ps1 --help
# Exits with the tool's exit code: 0 ok, 1 internal error, 2 bad input.
#
# Only language features, the engine API and native commands are used (no Set-Location, Join-Path, ...), so the
# script also runs in a bare PowerShell engine hosted by another program, not only in pwsh.

$repoRoot = $PSScriptRoot
$project = [System.IO.Path]::Combine($repoRoot, 'src', 'Simulation.Runner')

$runnerArgs = @($args)
if ($runnerArgs.Count -eq 0) {
    $runnerArgs = @('run', 'scenarios/baseline.json')
}

# Run from the repository root so relative paths such as scenarios/baseline.json and out/ resolve there.
$paths = $ExecutionContext.SessionState.Path
$previous = $paths.CurrentFileSystemLocation.ProviderPath
$code = 1
try {
    $null = $paths.SetLocation($repoRoot)
    & dotnet run --project $project -c Release -- @runnerArgs
    $code = $LASTEXITCODE
}
finally {
    $null = $paths.SetLocation($previous)
}

exit $code
