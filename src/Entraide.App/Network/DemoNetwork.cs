using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Profiles;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network;

/// <summary>
/// Demo profiles for the States that have demo accounts: a central authority and a 24/7 point each,
/// in their real time zones and working languages. Contact details are fictitious. Mexico's profile
/// is left thirteen months old so that the review reminder shows; the United States declares an optional category it does
/// not criminalise. Skips a State that has a profile.
/// </summary>
internal sealed class DemoNetwork(EntraideDbContext db, TimeProvider clock, Register.RegisterSnapshot register) : ISeeder
{
    public int Order => 20;

    private sealed record Demo(
        string State, ConventionStatus Status, string Zone, string[] Languages, string CountryCode,
        string Central, string CentralAddress, string CentralHours, string Point, string PointHours,
        int AcknowledgementHours = 8, bool DualCriminality = false, bool DualCriminalityForPreservation = false,
        bool Oral = false, bool ByEmail = false, string[]? Optional = null, string? Extradition = null, string[]? NotCriminalised = null);

    private static readonly Demo[] Demos =
    [
        new("FRA", ConventionStatus.Signatory, "Europe/Paris", ["fr", "en"], "+33 1 55",
            "Ministère de la Justice — Bureau de l'entraide pénale internationale", "13 place Vendôme, 75042 Paris Cedex 01",
            "mon-fri 09:00-18:00", "Office anti-cybercriminalité (OFAC) — point de contact 24/7", "", ByEmail: true,
            Extradition: "Ministère de la Justice — Bureau de l'extradition"),
        new("BRA", ConventionStatus.Signatory, "America/Sao_Paulo", ["pt", "en", "es"], "+55 61 5",
            "Ministério da Justiça e Segurança Pública — Departamento de Recuperação de Ativos e Cooperação Jurídica Internacional",
            "Esplanada dos Ministérios, Bloco T, Brasília — DF", "mon-fri 08:00-18:00",
            "Polícia Federal — Serviço de Repressão a Crimes Cibernéticos (24/7)", "", DualCriminality: true),
        new("CHN", ConventionStatus.Signatory, "Asia/Shanghai", ["zh", "en"], "+86 10 55",
            "中华人民共和国司法部 国际合作局", "北京市朝阳区朝阳门南大街10号", "mon-fri 08:30-17:30",
            "公安部网络安全保卫局 24/7 联络点", "", AcknowledgementHours: 12,
            Optional: [OffenceCategories.Terrorism, OffenceCategories.Disinformation, OffenceCategories.Gambling]),
        new("USA", ConventionStatus.None, "America/New_York", ["en"], "+1 202 555",
            "U.S. Department of Justice — Office of International Affairs", "1301 New York Avenue NW, Washington, DC 20530",
            "mon-fri 08:30-17:30", "Computer Crime and Intellectual Property Section — 24/7 point of contact", "",
            AcknowledgementHours: 4, Oral: true, ByEmail: true,
            // Hateful speech short of a true threat is protected expression: declared, so the gap analysis says "not
            // criminalised" on the State's word for incitement to hatred, and "unknown" where only the laws are silent.
            NotCriminalised: [OffenceCategories.Extremism]),
        new("EGY", ConventionStatus.Party, "Africa/Cairo", ["ar", "en", "fr"], "+20 2 55",
            "وزارة العدل — قطاع التعاون الدولي",
            "مبنى وزارة العدل، ميدان لاظوغلي، القاهرة",
            "sun-thu 09:00-16:00",
            "وزارة الداخلية — الإدارة العامة لتكنولوجيا المعلومات",
            "sun-thu 08:00-22:00; fri-sat 10:00-18:00",
            AcknowledgementHours: 24,
            DualCriminality: true, DualCriminalityForPreservation: true,
            Optional: [OffenceCategories.Extremism, OffenceCategories.Terrorism, OffenceCategories.Disinformation,
                OffenceCategories.PrivacyViolation]),
        new("NGA", ConventionStatus.Signatory, "Africa/Lagos", ["en"], "+234 9 555",
            "Federal Ministry of Justice — Central Authority Unit", "Federal Secretariat Complex, Shehu Shagari Way, Abuja",
            "mon-fri 08:00-16:00", "Nigeria Police Force — National Cybercrime Centre (24/7)", "", ByEmail: true),
        new("IND", ConventionStatus.None, "Asia/Kolkata", ["en", "hi"], "+91 11 555",
            "Ministry of Home Affairs — Internal Security Division (Legal Assistance)", "North Block, New Delhi 110001",
            "mon-fri 09:30-18:00", "Indian Cyber Crime Coordination Centre (I4C) — 24/7 desk", "", AcknowledgementHours: 12),
        new("JPN", ConventionStatus.None, "Asia/Tokyo", ["ja", "en"], "+81 3 555",
            "法務省刑事局国際課", "東京都千代田区霞が関1-1-1", "mon-fri 09:30-18:15",
            "警察庁サイバー警察局 24/7 窓口", "", DualCriminality: true),
        new("AUS", ConventionStatus.Signatory, "Australia/Sydney", ["en"], "+61 2 555",
            "Attorney-General's Department — International Crime Cooperation Central Authority", "3–5 National Circuit, Barton ACT 2600",
            "mon-fri 08:30-17:00", "Australian Federal Police — Cyber Command 24/7", "", Oral: true, ByEmail: true),
        new("MEX", ConventionStatus.Signatory, "America/Mexico_City", ["es", "en"], "+52 55 555",
            "Fiscalía General de la República — Dirección General de Procedimientos Internacionales",
            "Avenida Paseo de la Reforma 211-213, Cuauhtémoc, Ciudad de México", "mon-fri 09:00-18:00",
            "Guardia Nacional — Unidad de Policía Cibernética (24/7)", "", Optional: [OffenceCategories.IllicitTrafficking]),
        new("GBR", ConventionStatus.Signatory, "Europe/London", ["en"], "+44 20 7946",
            "Home Office — UK Central Authority", "2 Marsham Street, London SW1P 4DF", "mon-fri 09:00-17:00",
            "National Crime Agency — National Cyber Crime Unit 24/7", "", Oral: true, ByEmail: true),
        new("ZAF", ConventionStatus.Signatory, "Africa/Johannesburg", ["en", "af", "zu"], "+27 12 555",
            "Department of Justice and Constitutional Development — International Legal Relations", "329 Pretorius Street, Pretoria 0001",
            "mon-fri 07:30-16:00", "South African Police Service — Cybercrime Component (24/7)", ""),
    ];

    private static readonly Actor DemoActor = Actor.System with { DisplayName = "Entraide (demo)" };

    public async Task SeedAsync(SeedContext context, CancellationToken ct)
    {
        if (!context.Demo) return;
        var existing = await db.Set<StateProfile>().Select(p => p.State).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var signed = new DateOnly(2025, 10, 25);
        var added = 0;
        foreach (var d in Demos.Where(d => !existing.Contains(d.State)))
        {
            var updated = d.State == "MEX" ? now.AddMonths(-13) : now;
            var declarations = new Declarations(d.DualCriminalityForPreservation, d.DualCriminality, [], d.Languages, d.Oral, d.ByEmail,
                d.Optional ?? [], d.AcknowledgementHours)
            {
                NotCriminalisedOptionalCategories = d.NotCriminalised ?? [],
            };
            var profile = StateProfile.Seed(d.State, new ProfileDetails(d.Status,
                d.Status == ConventionStatus.None ? null : signed,
                d.Status == ConventionStatus.Party ? new DateOnly(2026, 6, 15) : null,
                declarations,
                null), DemoActor, updated);
            var code = d.State.ToLowerInvariant();
            var authorities = new List<Authority>
            {
                Designate(d, AuthorityKinds.CentralAuthority, d.Central, d.CentralAddress, d.CentralHours, $"{d.CountryCode} 0100",
                    $"central-authority.{code}@contacts.demo.entraide.int", aroundTheClock: false, updated, now),
                Designate(d, AuthorityKinds.PointOfContact, d.Point, null, d.PointHours, $"{d.CountryCode} 0199",
                    $"24-7.{code}@contacts.demo.entraide.int", aroundTheClock: d.PointHours.Length == 0, updated, now.AddMilliseconds(1)),
            };
            if (d.Extradition is not null)
            {
                authorities.Add(Designate(d, AuthorityKinds.ExtraditionAuthority, d.Extradition, d.CentralAddress, d.CentralHours,
                    $"{d.CountryCode} 0110", $"extradition.{code}@contacts.demo.entraide.int", aroundTheClock: false, updated,
                    now.AddMilliseconds(2)));
            }
            db.Add(profile);
            db.AddRange(authorities);
            db.Add(ProfileChanges.VersionOf(profile, authorities, Actor.System, "network.profile.seed", updated));
            added++;
        }
        if (added == 0) return;
        await db.SaveChangesAsync(ct);
        register.Invalidate();
        context.Output.WriteLine("Network: demo profiles for {0} States.", added);
    }

    private static Authority Designate(Demo d, string kind, string name, string? address, string hours, string phone, string email,
        bool aroundTheClock, DateTimeOffset updated, DateTimeOffset idTime)
    {
        var central = kind != AuthorityKinds.PointOfContact;
        var details = new AuthorityDetails(kind, name, address, [phone], email, d.Languages, OfficeSchedule.Parse(hours), d.Zone,
            central ? ReplyChannels.Platform : ReplyChannels.Phone, aroundTheClock,
            AddressPublic: central, EmailPublic: central, PhonesPublic: central);
        return Authority.Designate(d.State, details, DemoActor, updated, idTime);
    }
}
