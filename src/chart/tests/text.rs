//! The words and numbers around the picture: description, range, CSV, table, figure.

use super::*;

// The description says what the data says, and only says "debuted" when it is known.
#[test]
fn describes_the_run_from_the_data() {
    let fixture = Fixture::new(SINGLE);
    assert_eq!(
        describe(&fixture.spec("T")),
        "Chart run on the Billboard Hot 100 from the chart dated July 5, 2025 to the chart \
         dated August 9, 2025, with No. 1 at the top. Golden (HUNTR/X) first appears on the \
         chart dated July 5, 2025 at No. 81; it debuted that week. It peaked at No. 1, first \
         on the chart dated July 26, 2025, and spent 2 weeks at No. 1. Its latest known \
         position is No. 2, on the chart dated August 9, 2025. No week in this range is \
         missing from the data."
    );
    let off = describe(&Fixture::new(OFF).spec("T"));
    assert!(off.contains(
        "It is off the chart from the chart dated July 19, 2025 to the chart dated July 26, 2025. \
         It re-entered at No. 45 on the chart dated August 16, 2025."
    ));
    assert!(off.contains("2 weeks in this range have no data."));
    let gaps = describe(&Fixture::new(GAPS).spec("T"));
    assert!(gaps.contains(
        "Your Idol (Saja Boys) first appears on the chart dated July 5, 2025 at No. 77 \
         (not known to be its debut)."
    ));
    let conflict = describe(&Fixture::new(CONFLICT).spec("T"));
    assert!(conflict.contains("Sources disagree on 2 weeks."));
}

// A range limits every output to its dates; a range with no dates says so.
#[test]
fn honours_the_range() {
    let fixture = Fixture::new(SINGLE);
    let mut spec = fixture.spec("T");
    spec.from = Date::parse("2025-07-19");
    spec.to = Date::parse("2025-07-26");
    assert_eq!(csv(&spec).lines().count(), 3);
    assert!(describe(&spec).starts_with(
        "Chart run on the Billboard Hot 100 from the chart dated July 19, 2025 to the chart \
         dated July 26, 2025"
    ));
    assert!(describe(&spec).contains("Golden (HUNTR/X) first appears in this range"));
    spec.from = Date::parse("2026-01-03");
    spec.to = None;
    assert!(svg(&spec, Layout::Wide).contains("No chart data for this range"));
    assert_eq!(csv(&spec).lines().count(), 1);
}

// The CSV is exactly what is drawn, guarded against formula injection.
#[test]
fn writes_the_csv_of_what_is_drawn() {
    let fixture = Fixture::new(HOSTILE);
    let csv = csv(&fixture.spec("T"));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "chart,chart_date,entry_id,title,artist,position,status,basis,source_id,source_url,conflicts"
    );
    assert_eq!(
        rows[1],
        "hot-100,2025-07-05,remix,\"Ain't <It> & \"\"Fun\"\"\",A&B <script>,3,on,stated,billboard,https://example.org/billboard,"
    );
    assert_eq!(
        rows[4],
        "hot-100,2025-07-12,formula,'=cmd|' /C calc'!A0,'@evil,,unknown,,,,"
    );
    let conflict = super::csv(&Fixture::new(CONFLICT).spec("T"));
    assert!(
        conflict
            .contains(",10,on,stated,yonhap,https://example.org/yonhap?a=1&b=2,8 (hypebeast)\r\n")
    );
    assert!(
        conflict
            .contains(",12,on,stated,billboard,https://example.org/billboard,off (hypebeast)\r\n")
    );
    let off = super::csv(&Fixture::new(OFF).spec("T"));
    assert!(off.contains("2025-07-19,takedown,Takedown,HUNTR/X,,off,stated,billboard,"));
    assert!(off.contains("2025-08-02,takedown,Takedown,HUNTR/X,,unknown,,,,"));
}

// The table has real headers, marks derived and conflicting values, and links sources.
#[test]
fn tabulates_with_headers_and_sources() {
    let fixture = Fixture::new(CONFLICT);
    let table = table(&fixture.spec("Sources disagree"));
    assert!(table.starts_with(
        "<table class=\"chart-table\"><caption>Sources disagree: positions on the Billboard \
         Hot 100, charts dated September 6, 2025 to September 27, 2025</caption>"
    ));
    assert_eq!(table.matches("<th scope=\"col\">").count(), 2);
    assert_eq!(table.matches("<th scope=\"row\">").count(), 4);
    assert!(table.contains(
        "<td><a href=\"https://example.org/yonhap?a=1&amp;b=2\" \
         title=\"Seven songs storm the Hot 100\">9</a>†</td>"
    ));
    assert!(table.contains(
        ">10</a> (<a href=\"https://example.org/hypebeast\" title=\"Platz 8\">8</a> per Hypebeast)</td>"
    ));
    assert!(table.contains("† Derived"));
    let off = super::table(&Fixture::new(OFF).spec("T"));
    assert!(off.contains("title=\"Billboard Hot 100\">off</a></td>"));
    assert!(off.contains("<td class=\"unknown\">no data</td>"));
    let gaps = super::table(&Fixture::new(GAPS).spec("T"));
    assert!(gaps.contains("<td class=\"before\">pre-debut</td>"));
}

// The figure holds both pictures, the caption with sources and date, key, table and link.
#[test]
fn assembles_the_figure() {
    let fixture = Fixture::new(CONFLICT);
    let figure = figure(
        &fixture.spec("Sources <disagree>"),
        "/data/hot-100.csv?x=1&y=2",
    );
    assert!(figure.starts_with("<figure class=\"chart\" id=\"chart-1\"><figcaption"));
    assert!(figure.contains("<p class=\"chart-title\">Sources &lt;disagree&gt;</p>"));
    assert!(figure.contains(
        "Source: Billboard Hot 100 (Billboard), positions as reported by Billboard, \
         Hypebeast, TopNews and Yonhap. Chart dates are the Saturday issue date. Data as of \
         September 27, 2025."
    ));
    assert!(figure.contains("<div class=\"chart-svg chart-svg--wide\"><svg "));
    assert!(figure.contains("<div class=\"chart-svg chart-svg--narrow\"><svg "));
    assert!(figure.contains("ring: sources conflict"));
    assert!(!figure.contains("off the chart that week"));
    assert!(figure.contains(
        "<details class=\"chart-data\"><summary>Data table</summary>\
         <div class=\"table-scroll\" role=\"region\" tabindex=\"0\" \
         aria-label=\"Data table: Sources &lt;disagree&gt;\"><table"
    ));
    assert!(figure.ends_with(
        "<a class=\"chart-download\" href=\"/data/hot-100.csv?x=1&amp;y=2\" download>\
         Download the data (CSV)</a></p></figure>"
    ));
}
