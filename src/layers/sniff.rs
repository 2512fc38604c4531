//! Which dataset a CSV is, from its header alone: UCDP GED, ACLED, PA-X, the atlas's own
//! export, or a generic CSV whose columns are guessed by name.

use super::Dataset;
use super::columns::normalised;
use super::mapping::Mapping;

/// The columns a header must have to be taken for each dataset (normalised names). Only the
/// columns the readers use, so an older or trimmed release of a dataset is still recognised.
const GED: [&str; 7] = [
    "id",
    "datestart",
    "dateend",
    "latitude",
    "longitude",
    "sidea",
    "sideb",
];
const ACLED: [&str; 4] = ["eventdate", "latitude", "longitude", "actor1"];
const PAX: [&str; 3] = ["agtid", "agt", "dat"];
/// Columns of the atlas's CSV export that no field dataset has (`formats::csv::COLUMNS`).
const ATLAS: [&str; 4] = ["datestart", "titleen", "quotearticle", "participants"];

/// The dataset a CSV header belongs to; a header of no known dataset is a generic CSV with
/// its columns guessed by name (the importer refines the guess with the first rows).
pub fn sniff(headers: &[String]) -> Dataset {
    let names = normalised(headers);
    let has_all = |wanted: &[&str]| wanted.iter().all(|w| names.iter().any(|n| n == w));
    if has_all(&ATLAS) {
        Dataset::Atlas
    } else if has_all(&GED) {
        Dataset::Ged
    } else if has_all(&ACLED) {
        Dataset::Acled
    } else if has_all(&PAX) {
        Dataset::PaX
    } else {
        Dataset::Csv(Mapping::from_headers(headers))
    }
}

/// The field delimiter, from the first line: the most frequent of `,`, `;` and tab outside
/// quotes (a German Excel export uses `;`); `,` when there are none.
pub fn delimiter(start: &[u8]) -> u8 {
    let line = start.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3)
        .max_by_key(|&i| (counts[i], usize::from(i == 0)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        candidates[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Vec<String> {
        text.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn the_datasets_are_recognised_by_their_headers() {
        let ged = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob";
        assert_eq!(sniff(&header(ged)), Dataset::Ged);
        let acled = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";
        assert_eq!(sniff(&header(acled)), Dataset::Acled);
        let acled_upper = acled.to_uppercase();
        assert_eq!(sniff(&header(&acled_upper)), Dataset::Acled);
        let pax = "Con,Contp,PP,PPName,Reg,AgtId,Agt,Dat,Status,Lgt,N_characters,Agtp,Stage,StageSub,Part,ThrdPart,OthAgr,Loc1ISO,Loc2ISO,Loc1GWNO,Loc2GWNO,UcdpCon,UcdpAgr,PamAgr,CowWar,GCh";
        assert_eq!(sniff(&header(pax)), Dataset::PaX);
        let atlas = "id,date,date_start,date_end,date_prec,where_prec,latitude,longitude,where_description,places,title_de,title_en,kind,process,participants,quote,quote_article";
        assert_eq!(
            sniff(&header(atlas)),
            Dataset::Atlas,
            "not GED, though it shares columns"
        );
        assert!(matches!(
            sniff(&header("name,lat,lon,datum")),
            Dataset::Csv(_)
        ));
    }

    #[test]
    fn the_delimiter_is_the_commonest_outside_quotes() {
        assert_eq!(delimiter(b"name;lat;lon\n\"a,b\";1;2"), b';');
        assert_eq!(delimiter(b"\"a;b\",lat,lon\n"), b',');
        assert_eq!(delimiter(b"name\tlat\tlon"), b'\t');
        assert_eq!(delimiter(b"single"), b',');
    }
}
