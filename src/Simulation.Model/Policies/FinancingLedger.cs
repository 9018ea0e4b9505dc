using System.Collections.Immutable;
using Simulation.Model.Time;

namespace Simulation.Model.Policies;

/// <summary>
/// Spending of each financing policy's yearly budget, per replicate. Held by the tick driver (it sees every signed
/// contract), never by an agent: countries only see whether a budget is still open at the start of the tick. A tick's
/// awards can overshoot the budget; the next tick it is closed until the calendar year ends.
/// </summary>
public sealed class FinancingLedger
{
    private readonly PolicyBook _policies;
    private readonly Calendar _calendar;
    private readonly int _count;
    private readonly double[] _spentThisYear;
    private int _year = int.MinValue;

    public FinancingLedger(PolicyBook policies, Calendar calendar, int replicates)
    {
        _policies = policies;
        _calendar = calendar;
        _count = policies.Financing.Count;
        _spentThisYear = new double[replicates * _count];
        SpentThisTick = new double[replicates * _count];
    }

    public int Policies => _count;

    /// <summary>Subsidy paid this tick, [replicate × policy].</summary>
    public double[] SpentThisTick { get; }

    /// <summary>Starts a tick: a new calendar year refills every budget. Returns which budgets are open.</summary>
    public ImmutableArray<bool> Begin(int tick)
    {
        var year = _calendar.DateOf(tick).Year;
        if (year != _year) Array.Clear(_spentThisYear);
        _year = year;
        Array.Clear(SpentThisTick);
        var open = new bool[_spentThisYear.Length];
        for (var i = 0; i < open.Length; i++)
        {
            var budget = _policies.Financing[i % Math.Max(1, _count)].BudgetUsdPerYear;
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
