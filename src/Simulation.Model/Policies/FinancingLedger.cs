using System.Collections.Immutable;
using Simulation.Model.Engine;

namespace Simulation.Model.Policies;

/// <summary>
/// Spending of each financing policy's yearly budget, per replicate. Held by the tick driver (it sees every signed
/// contract), never by an agent: countries only see whether a budget is still open at the start of the tick. A tick's
/// awards can overshoot the budget; the next tick it is closed until the calendar year ends.
/// </summary>
public sealed class FinancingLedger
{
    private readonly RunContext _ctx;
    private readonly int _count;
    private readonly double[] _spentThisYear;
    private int _year = int.MinValue;

    public FinancingLedger(RunContext ctx)
    {
        _ctx = ctx;
        _count = ctx.Policies.Financing.Count;
        _spentThisYear = new double[ctx.Replicates * _count];
        SpentThisTick = new double[ctx.Replicates * _count];
    }

    public int Policies => _count;

    /// <summary>Subsidy paid this tick, [replicate × policy].</summary>
    public double[] SpentThisTick { get; }

    /// <summary>Starts a tick: a new calendar year refills every budget. Returns which budgets are open.</summary>
    public ImmutableArray<bool> Begin(int tick)
    {
        var year = _ctx.Calendar.DateOf(tick).Year;
        if (year != _year) Array.Clear(_spentThisYear);
        _year = year;
        Array.Clear(SpentThisTick);
        var open = new bool[_spentThisYear.Length];
        for (var i = 0; i < open.Length; i++)
        {
            var budget = _ctx.Policies.Financing[i % Math.Max(1, _count)].BudgetUsdPerYear;
            open[i] = budget <= 0 || _spentThisYear[i] < budget;
        }
        return [.. open];
    }

    public void Spend(int replicate, int policy, double usd)
    {
        _spentThisYear[replicate * _count + policy] += usd;
        SpentThisTick[replicate * _count + policy] += usd;
    }
}
