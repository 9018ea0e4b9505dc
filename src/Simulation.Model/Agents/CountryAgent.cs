using System.Collections.Immutable;
using Simulation.Model.Setup;
using Simulation.Model.Market;
using Simulation.Model.Randomness;
using Simulation.Model.World;

namespace Simulation.Model.Agents;

/// <summary>
/// One country in one replicate (model spec §2, Country). Each tick it updates unrest and privacy pressure, decides
/// which tenders to call (first adoption by a Bass hazard, expansion towards its coverage target, renewal of ending
/// contracts), ranks the vendors' bids, and then applies the tenders' outcomes.
/// </summary>
public sealed class CountryAgent
{
    private readonly RunContext _ctx;
    private readonly CountryProfile _profile;
    private readonly int _country;
    private readonly int _replicate;
    private readonly double _target;
    private readonly List<Contract>[] _active = [[], [], []];
    private readonly List<Contract> _ledger = [];
    private readonly int?[] _intentSince = new int?[Capabilities.Count];
    private readonly double[] _coverage = new double[Capabilities.Count];
    private readonly double[] _toReplace = new double[Capabilities.Count];
    private CountryReport? _lastReport;
    /// <summary>Counts changes to the contracts and coverage; the last report is rebuilt only when it moved since.</summary>
    private int _revision, _reportedRevision = -1;
    private double _unrest, _baseUnrest;
    private readonly double _logIncome;
    /// <summary>The part of log-demand fixed by the state: regime class, security budget, cities, crime, income.</summary>
    private readonly double _stateDemand;
    /// <summary>ln(adoption.incomeReferenceUsd / GDP per capita), floored at 0: how far a soft loan lifts a poor country's demand.</summary>
    private readonly double _poverty;
    private int _contractSeq;

    public CountryAgent(RunContext ctx, int country, int replicate)
    {
        _ctx = ctx;
        _country = country;
        _replicate = replicate;
        _profile = ctx.World.Countries[country];
        var a = ctx.P.Adoption;
        _logIncome = Math.Log(_profile.GdpPerCapitaUsd / a.IncomeReferenceUsd);
        _poverty = Math.Max(0, -_logIncome);
        var cov = _profile.Covariates;
        _stateDemand = a.RegimeDemand[_profile.Regime] + a.Income * _logIncome
                       + a.MilitarySpending * Math.Log(Math.Max(cov.MilitarySpendingUsd, 1e6) / 1e9)
                       + a.Cities * Math.Log(1 + cov.Cities300k)
                       + a.Crime * Math.Log(Math.Max(cov.HomicideRate, a.HomicideFloor) / a.HomicideReference)
                       + a.ChineseFinance * _profile.ChineseFinanceIndex;
        var c = ctx.P.Coverage;
        _target = Math.Clamp(c.TargetBase + c.TargetAutocracy * _profile.Autocracy + c.TargetPerIncomeLevel * _profile.IncomeLevel, c.TargetMin, 1.0);
    }

    /// <summary>Coverage target: the share of the population the country aims to cover with each capability.</summary>
    public double Target => _target;
    public double Unrest => _unrest;
    public double Privacy { get; private set; }

    public bool Adopted(Capability k) => _active[(int)k].Count > 0;
    public double Coverage(Capability k) => _coverage[(int)k];

    /// <summary>
    /// Phase 3: apply the tick's policy removals, move unrest and privacy, and return the tenders this country calls,
    /// each with its ranked bids, appended to <paramref name="tenders"/> (numbered from 0 within this country and
    /// tick). Everything the tick brings comes in <paramref name="board"/>; the tenders go out to the engine, which
    /// hands them back to <see cref="Apply"/> with their outcomes: nothing is kept between the phases.
    /// </summary>
    public void Decide(TickBoard board, IList<Tender> tenders)
    {
        var tick = board.Tick;
        var offers = board.Offers[_replicate];
        var first = tenders.Count;
        if (ApplyPolicyRemovals(tick)) _revision++;
        UpdateUnrestAndPrivacy(tick);
        foreach (var k in Capabilities.All)
        {
            foreach (var contract in _active[(int)k])
                if (contract.EndTick == tick) Call(tenders, first, board, k, TenderKind.Renewal, contract.Scope, contract);
            // A technology ban or moratorium stops adoption and expansion; renewals of what is installed go on.
            if (!_ctx.Policies.MayAdopt(_country, k, tick)) continue;

            if (_toReplace[(int)k] > 1e-9)
                Call(tenders, first, board, k, TenderKind.Replacement, _toReplace[(int)k], null);
            else if (!Adopted(k) && _intentSince[(int)k] is null && AnyOffers(offers, k))
            {
                var rng = Streams.For(_ctx.Seed, _ctx.FirstReplicate + _replicate, _ctx.CountryKeys[_country], tick, Phase.Adoption, (ulong)k);
                if (rng.NextDouble() < AdoptionHazard(k, board)) _intentSince[(int)k] = tick;
            }
            if (_intentSince[(int)k] is { } since)
            {
                if ((tick - since) * _ctx.Calendar.MonthsPerTick > _ctx.P.Adoption.TenderPatienceMonths) _intentSince[(int)k] = null;
                else Call(tenders, first, board, k, TenderKind.Adoption, _ctx.P.Coverage.InitialScope * _target, null);
            }
            else if (_toReplace[(int)k] <= 1e-9 && Adopted(k) && Coverage(k) < _target - 1e-9)
            {
                var rng = Streams.For(_ctx.Seed, _ctx.FirstReplicate + _replicate, _ctx.CountryKeys[_country], tick, Phase.Expansion, (ulong)k);
                if (rng.NextDouble() < 1 - Math.Exp(-_ctx.Calendar.Dt * _ctx.P.Coverage.ExpansionRate))
                    Call(tenders, first, board, k, TenderKind.Expansion, Math.Min(_ctx.P.Coverage.ExpansionScope * _target, _target - Coverage(k)), null);
            }
        }
    }

    /// <summary>Phase 3 on its own: this country's tenders of the tick in a new list.</summary>
    public List<Tender> Decide(TickBoard board)
    {
        var tenders = new List<Tender>();
        Decide(board, tenders);
        return tenders;
    }

    /// <summary>
    /// Rip-and-replace cuts contracts of banned vendors towards zero (the removed scope is re-tendered); a technology
    /// ban's decommissioning switches off a share of the capability at its start (not re-tendered). Returns whether
    /// anything changed.
    /// </summary>
    private bool ApplyPolicyRemovals(int tick)
    {
        var policies = _ctx.Policies;
        var changed = false;
        foreach (var k in Capabilities.All)
        {
            var list = _active[(int)k];
            var decommission = list.Count > 0 ? policies.Decommission(_country, k, tick) : 0;
            for (var i = list.Count - 1; i >= 0; i--)
            {
                var c = list[i];
                var allowed = c.SignedScope * policies.RemainingShare(_country, c.Vendor, k, tick);
                var cut = Math.Max(0, c.Scope - allowed);
                if (cut > 0) _toReplace[(int)k] += cut;
                var kept = (c.Scope - cut) * (1 - decommission);
                if (kept >= c.Scope) continue;
                changed = true;
                _coverage[(int)k] -= c.Scope - kept;
                c.Scope = kept;
                if (kept <= 1e-12) Close(c, ContractStatus.Terminated);
            }
        }
        return changed;
    }

    private static bool AnyOffers(ImmutableArray<VendorOffer> offers, Capability k)
    {
        for (var i = 0; i < offers.Length; i++)
            if (offers[i].Offers(k)) return true;
        return false;
    }

    /// <summary>
    /// h = 1 − exp(−Δt (p + q·peers) · demand), demand = exp(linear score) (model spec §2; docs/model.md "Adoption").
    /// Reads the country's own state (unrest, privacy, contracts) and the board: its tick, last tick's peers and the
    /// soft-loan budgets still open. It changes nothing, so it can be asked at any time, before or after a Decide.
    /// </summary>
    public double AdoptionHazard(Capability k, TickBoard board)
    {
        var a = _ctx.P.Adoption;
        var logDemand = a.CapabilityOffset[(int)k] + _stateDemand + a.UnrestByRegime[_profile.Regime] * _unrest
                        + a.Privacy * Privacy + (UsesOtherThan(k) ? a.CrossCapability : 0)
                        + (SoftLoanOpen(board) ? a.FinancedDemand * _poverty : 0);
        var rate = (a.Innovation + a.Imitation * PeerShare(k, board.Peers)) * Math.Exp(logDemand);
        return 1 - Math.Exp(-_ctx.Calendar.Dt * rate);
    }

    /// <summary>Whether a soft loan with budget left is on offer to this country at the board's tick.</summary>
    private bool SoftLoanOpen(TickBoard board)
    {
        var loan = _ctx.Policies.FinancingFor(_country, board.Tick);
        return loan != null && board.IsFinancingOpen(_replicate, loan.FinancingIndex);
    }

    private bool UsesOtherThan(Capability k)
    {
        for (var i = 0; i < Capabilities.Count; i++)
            if (i != (int)k && _active[i].Count > 0) return true;
        return false;
    }

    /// <summary>Weighted share of the country's peers (region, blocs; itself excluded) that had adopted k last tick.</summary>
    public double PeerShare(Capability k, PeerCounts peers)
    {
        double sum = 0, weight = 0;
        var self = Adopted(k) ? 1 : 0;
        foreach (var g in _ctx.World.PeerGroupsOf[_country])
        {
            var size = _ctx.World.PeerGroupSize[g];
            if (size <= 1) continue;
            var w = g < _ctx.World.Regions.Count ? _ctx.P.Adoption.RegionWeight : _ctx.P.Adoption.BlocWeight;
            sum += w * (peers.Adopted(_replicate, g, k) - self) / (size - 1.0);
            weight += w;
        }
        return weight > 0 ? sum / weight : 0;
    }

    private void UpdateUnrestAndPrivacy(int tick)
    {
        var d = _ctx.P.Dynamics;
        var dt = _ctx.Calendar.Dt;
        var rng = Streams.For(_ctx.Seed, _ctx.FirstReplicate + _replicate, _ctx.CountryKeys[_country], tick, Phase.Unrest);
        var (unrestShock, privacyShock) = _ctx.Policies.Shock(_country, tick);
        // Ornstein–Uhlenbeck around 0 (exact discretisation); the shock is added on top, not integrated, so it lasts only its window.
        var decay = Math.Exp(-d.UnrestReversion * dt);
        _baseUnrest = _baseUnrest * decay + d.UnrestVolatility * Math.Sqrt((1 - decay * decay) / (2 * d.UnrestReversion)) * rng.NextNormal();
        _unrest = _baseUnrest + unrestShock;
        var meanCoverage = (_coverage[0] + _coverage[1] + _coverage[2]) / Capabilities.Count;
        Privacy = d.PrivacyByRegime[_profile.Regime] + d.PrivacyFromCoverage * meanCoverage + privacyShock;
    }

    private void Call(IList<Tender> tenders, int first, TickBoard board, Capability k, TenderKind kind, double scope, Contract? renews)
    {
        var tick = board.Tick;
        var seq = tenders.Count - first;
        // Keyed by what the tender is (capability, kind, renewed contract), not by its position among this tick's
        // tenders, so a policy that adds or removes one tender leaves the others' draws unchanged. A new tender's key is
        // formatted on the stack, not into a new string per tender; a renewal's names the contract it renews.
        Span<char> text = stackalloc char[128];
        var sub = renews is null && text.TryWrite($"{k.Id()}/{kind}/", out var length)
            ? Streams.AgentKey(text[..length])
            : Streams.AgentKey($"{k.Id()}/{kind}/{(renews is null ? null : IdOf(renews))}");
        var rng = Streams.For(_ctx.Seed, _ctx.FirstReplicate + _replicate, _ctx.CountryKeys[_country], tick, Phase.VendorChoice, sub);
        // The ties to each vendor as flags on the stack: a renewal's incumbent is the renewed contract's vendor; a new
        // tender's, any vendor holding a contract of the capability; related, any vendor holding any contract.
        var vendors = _ctx.World.Vendors.Count;
        Span<bool> incumbent = vendors <= 256 ? stackalloc bool[vendors] : new bool[vendors];
        Span<bool> related = vendors <= 256 ? stackalloc bool[vendors] : new bool[vendors];
        for (var i = 0; i < _active.Length; i++)
            foreach (var c in _active[i])
            {
                related[c.Vendor] = true;
                if (renews is null && i == (int)k) incumbent[c.Vendor] = true;
            }
        if (renews != null) incumbent[renews.Vendor] = true;
        var buyer = new VendorChoice.Buyer(_country, _profile, Privacy, _unrest, incumbent, related, board.FinancingOpenFor(_replicate));
        var ranked = VendorChoice.Rank(_ctx, buyer, k, scope, tick, board.Offers[_replicate].AsSpan(), ref rng);
        tenders.Add(new Tender(_replicate, _country, seq, k, kind, scope, renews?.Number, ranked));
    }

    /// <summary>
    /// The text that keys a renewal's random draws: country, date signed, capability and number. Made when needed
    /// rather than kept on every contract (a big ensemble holds millions of contracts).
    /// </summary>
    private string IdOf(Contract c) => $"{_profile.Iso3}-{_ctx.Calendar.DateOf(c.SignedTick)}-{c.Capability.Id()}-{c.Number}";

    /// <summary>
    /// Phase 5: sign the won tenders, close the contracts that were not renewed, and report. Takes this country's
    /// tenders of the tick, as <see cref="Decide"/> returned them (in tender order), and their outcomes.
    /// </summary>
    public CountryReport Apply(int tick, ReadOnlySpan<Tender> tenders, ReadOnlySpan<TenderOutcome> outcomes)
    {
        int signed = 0;
        double signedValue = 0;
        foreach (var outcome in outcomes)
        {
            if ((uint)outcome.Seq >= (uint)tenders.Length || tenders[outcome.Seq].Seq != outcome.Seq
                || tenders[outcome.Seq].Replicate != outcome.Replicate || tenders[outcome.Seq].Country != _country)
                throw new ArgumentException($"outcome of tender {outcome.Seq} matches none of the tenders given", nameof(outcomes));
            var tender = tenders[outcome.Seq];
            var k = (int)tender.Capability;
            var old = tender.Renews is null ? null : Renewed(_active[k], tender.Renews.Value);
            if (outcome.Signed)
            {
                var bid = WinningBid(tender.Ranked, outcome.Vendor);
                Sign(NewContract(bid, tender.Capability, tick, bid.ValueUsd, tender.Scope));
                signed++;
                signedValue += bid.ValueUsd;
                if (tender.Kind == TenderKind.Adoption) _intentSince[k] = null;
                if (tender.Kind == TenderKind.Replacement) _toReplace[k] = 0;
                if (BundledPlatform(tick, tender, bid) is { } platform)
                {
                    Sign(platform);
                    signed++;
                    signedValue += platform.ValueUsd;
                }
            }
            if (old != null)
                Close(old, !outcome.Signed ? Market.ContractStatus.Expired
                    : outcome.Vendor == old.Vendor ? Market.ContractStatus.Renewed : Market.ContractStatus.Replaced);
        }
        if (signed > 0) _revision++;
        return Report(signed, signedValue);
    }

    private void Sign(Contract contract)
    {
        _active[(int)contract.Capability].Add(contract);
        _coverage[(int)contract.Capability] += contract.Scope;
        _ledger.Add(contract);
    }

    /// <summary>
    /// A vendor that sells facial recognition and smart policing as modules of its safe-city platform (Huawei; docs/model.md
    /// §3.11) brings the platform with a new module where the country holds none of its platforms: one deal, so one unit of
    /// the vendor's capacity, two contracts. The platform covers the module's population (no more than the country lacks),
    /// is priced like the module per person (the bid's value × the capabilities' cost ratio) and carries the module's terms.
    /// Renewals bring nothing new, and a ban on the platform or on the vendor stops it. No random draw: the streams of
    /// every other decision are unchanged.
    /// </summary>
    private Contract? BundledPlatform(int tick, Tender tender, Bid bid)
    {
        const int platform = (int)Capability.SafeCity;
        if (tender.Capability == Capability.SafeCity || tender.Kind == TenderKind.Renewal) return null;
        var vendor = _ctx.World.Vendors[bid.Vendor];
        if (!vendor.PlatformModules || !vendor.Offers(Capability.SafeCity)
            || !_ctx.Policies.MayAdopt(_country, Capability.SafeCity, tick) || !_ctx.Policies.MaySign(_country, bid.Vendor, Capability.SafeCity, tick))
            return null;
        foreach (var c in _active[platform])
            if (c.Vendor == bid.Vendor) return null;
        var scope = Math.Min(tender.Scope, 1 - _coverage[platform]);
        if (scope <= 1e-9) return null;
        var cost = _ctx.P.Contracts.CostPerPersonUsd;
        var value = bid.ValueUsd * scope * cost[platform] / (tender.Scope * cost[(int)tender.Capability]);
        _intentSince[platform] = null; // the wish for a platform, if any, is met
        return NewContract(bid, Capability.SafeCity, tick, value, scope);
    }

    /// <summary>The next contract of this country, on the bid's terms, for the standard duration from this tick.</summary>
    private Contract NewContract(Bid bid, Capability k, int tick, double valueUsd, double scope)
    {
        var months = _ctx.P.Contracts.DurationMonths;
        return new Contract(++_contractSeq, _replicate, _country, bid.Vendor, k, tick, tick + _ctx.Ticks(months), months,
            valueUsd, scope, bid.Financed, bid.DataAccess);
    }

    // Loops rather than First(predicate), which makes a closure per outcome.
    private static Contract Renewed(List<Contract> active, int number)
    {
        foreach (var c in active)
            if (c.Number == number) return c;
        throw new InvalidOperationException($"contract {number} is not active");
    }

    private static Bid WinningBid(ImmutableArray<Bid> ranked, int vendor)
    {
        foreach (var b in ranked)
            if (b.Vendor == vendor) return b;
        throw new InvalidOperationException($"vendor {vendor} made no bid");
    }

    private void Close(Contract contract, ContractStatus status)
    {
        _revision++;
        contract.Status = status;
        _active[(int)contract.Capability].Remove(contract);
        _coverage[(int)contract.Capability] -= contract.Scope;
        if (_active[(int)contract.Capability].Count == 0) _coverage[(int)contract.Capability] = 0; // no float residue
    }

    /// <summary>The state part of the report is rebuilt only when contracts or coverage changed since the last one.</summary>
    private CountryReport Report(int signed, double signedValue)
    {
        if (_revision == _reportedRevision && _lastReport != null)
            return _lastReport.Signed == 0 && _lastReport.SignedValueUsd == 0 ? _lastReport : _lastReport = _lastReport with { Signed = 0, SignedValueUsd = 0 };
        var mask = 0;
        for (var k = 0; k < Capabilities.Count; k++)
            if (_active[k].Count > 0) mask |= 1 << k;
        // Per vendor, summed in the order of the active lists (capability, then signing), so sums are reproducible.
        var vendors = _ctx.World.Vendors.Count;
        Span<double> value = vendors <= 256 ? stackalloc double[vendors] : new double[vendors];
        Span<double> foreign = vendors <= 256 ? stackalloc double[vendors] : new double[vendors];
        Span<bool> held = vendors <= 256 ? stackalloc bool[vendors] : new bool[vendors];
        foreach (var list in _active)
            foreach (var c in list)
            {
                held[c.Vendor] = true;
                value[c.Vendor] += c.InstalledValueUsd;
                if (c.DataAccess) foreign[c.Vendor] += c.InstalledValueUsd;
            }
        var holdings = ImmutableArray.CreateBuilder<Holding>();
        for (var v = 0; v < vendors; v++)
            if (held[v]) holdings.Add(new Holding(v, value[v], foreign[v]));
        _reportedRevision = _revision;
        return _lastReport = new CountryReport(_replicate, _country, mask, [.. _coverage], holdings.ToImmutable(), signed, signedValue);
    }

    /// <summary>All contracts this country signed in this replicate, in signing order.</summary>
    public IReadOnlyList<Contract> Contracts => _ledger;
}
