using Simulation.Model.Output;
using Simulation.Model.Engine;

namespace Simulation.Runner.Results;

/// <summary>
/// The per-replicate tables of a run (timeseries and contracts as Parquet, and as CSV with --detail full), written as
/// the ensemble runs: each chunk of replicates is appended while the next one is simulated, then its contracts are
/// dropped, so a big run never holds all its contracts. Chunks arrive in replicate order and every table has one row
/// group (or run of rows) per replicate, so the files are the same bytes however the run was cut.
/// </summary>
public sealed class RunTables(string directory, string scenario, bool csv) : IChunkSink, IAsyncDisposable
{
    private ParquetTables.TimeseriesFile? _series;
    private ParquetTables.ContractsFile? _contracts;
    private Csv? _seriesCsv, _contractsCsv;
    /// <summary>The chunk being written: one at a time, so at most it and the chunk being simulated are held.</summary>
    private Task _writing = Task.CompletedTask;

    private string At(string file) => Path.Combine(directory, file);

    public async Task TakeAsync(int first, EnsembleResult chunk, CancellationToken cancel)
    {
        await _writing;
        cancel.ThrowIfCancellationRequested();
        if (_series is null)
        {
            _series = await ParquetTables.TimeseriesFile.CreateAsync(At("timeseries.parquet"), scenario, chunk);
            _contracts = await ParquetTables.ContractsFile.CreateAsync(At("contracts.parquet"));
            if (csv)
            {
                _seriesCsv = new Csv(At("timeseries.csv"), ResultWriter.TimeseriesHeader);
                _contractsCsv = new Csv(At("contracts.csv"), ResultWriter.ContractsHeader);
            }
        }
        // The two tables are independent files, each compressed on one thread: side by side they take the time of the
        // longer one, and both overlap the simulation of the next chunk.
        _writing = Task.WhenAll(
            Task.Run(async () =>
            {
                await _series.AppendAsync(first, chunk);
                if (_seriesCsv is not null) ResultWriter.AppendTimeseries(_seriesCsv, scenario, first, chunk);
            }, CancellationToken.None),
            Task.Run(async () =>
            {
                await _contracts!.AppendAsync(first, chunk.Contracts);
                if (_contractsCsv is not null) ResultWriter.AppendContracts(_contractsCsv, first, chunk.Contracts);
            }, CancellationToken.None));
    }

    /// <summary>Waits for the last chunk and closes the files (a Parquet file is complete only once closed).</summary>
    public async Task FinishAsync()
    {
        await _writing;
        await CloseAsync();
    }

    /// <summary>Both tables of a finished run in one go.</summary>
    public static async Task WriteAsync(string directory, string scenario, bool csv, EnsembleResult result)
    {
        await using var tables = new RunTables(directory, scenario, csv);
        await tables.TakeAsync(0, result, CancellationToken.None);
        await tables.FinishAsync();
    }

    private async Task CloseAsync()
    {
        _seriesCsv?.Dispose();
        _contractsCsv?.Dispose();
        (_seriesCsv, _contractsCsv) = (null, null);
        if (_series is not null) await _series.DisposeAsync();
        if (_contracts is not null) await _contracts.DisposeAsync();
        (_series, _contracts) = (null, null);
    }

    /// <summary>After a failure or an interrupt: lets the chunk in writing end and closes the files (the caller removes the folder).</summary>
    public async ValueTask DisposeAsync()
    {
        try { await _writing; }
        catch (Exception) { } // the failure that matters was already thrown to the caller, or is thrown by FinishAsync
        try { await CloseAsync(); }
        catch (Exception) when (_writing.IsFaulted) { } // a file half-written by the failed chunk
    }
}
