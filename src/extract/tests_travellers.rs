//! The extractor's rules for who travelled and as whom on long copy:
//! companions and spouses, descriptions ("the prime minister"), full names
//! from the list of office-holders, places named in passing ("Atlanta,
//! Georgia", "the capital of the Democratic People's Republic of Korea"),
//! and the dates of trips told by a participle, a perfect or "that year".

use super::tests::visits;
use super::tests_wire::{assert_found, provenance_of};

#[test]
fn a_companion_on_a_tour_is_of_the_travellers_country_not_the_last_stop() {
    let text = "HANOI, Feb 26 (Reuters) - New Zealand Prime Minister Christopher Luxon arrived in Bangkok on Sunday and flew on to Hanoi on Tuesday. He was accompanied by Trade Minister Todd McClay.\n\nMcClay said the talks went well.";
    let found = visits(text, "2025-02-26");
    assert_found(&found, &["Todd McClay NZ->VN Hanoi 2025-02-25"]);
    assert!(
        !found.iter().any(|v| v.starts_with("Todd McClay TH")),
        "{found:?}"
    );
}

#[test]
fn arrivals_by_sea_and_rail_are_arrivals_and_by_train_is_no_companion() {
    let text = "PORTSMOUTH, England, June 3 (AP) — Queen Juliana of the Netherlands stepped ashore at Portsmouth today from the royal yacht Piet Hein to begin a state visit to Britain.\n\nIn Paris, President Charles de Gaulle arrived by train in Bonn on Tuesday. The Soviet leader Nikita Khrushchev disembarked at Le Havre on Wednesday.";
    let found = visits(text, "1962-06-03");
    assert_found(
        &found,
        &[
            "Juliana NL->GB Portsmouth 1962-06-03",
            "Charles de Gaulle FR->DE Bonn 1962-05-29",
            "Nikita Khrushchev RU->FR Le Havre 1962-05-30",
        ],
    );
    let why = provenance_of(text, "1962-06-03", "de Gaulle");
    assert!(
        why["because"].as_str().unwrap().starts_with("arrival verb"),
        "{why}"
    );
}

#[test]
fn a_wife_named_by_first_name_travels_and_takes_her_full_name_from_later() {
    let text = "GENEVA (UPI) -- Soviet leader Mikhail Gorbachev flew into Geneva today with his wife, Raisa, for the summit.\n\nRaisa Gorbachev, 53, a former lecturer, is expected to be a focus of attention.\n\nPresident Reagan, who arrived with his wife, Nancy, on Saturday, rested.";
    let found = visits(text, "1985-11-19");
    assert_found(
        &found,
        &[
            "Mikhail Gorbachev RU->CH Geneva 1985-11-19",
            "Raisa Gorbachev RU->CH Geneva 1985-11-19",
            "Ronald Reagan US->CH Geneva 1985-11-16",
            "Nancy US->CH Geneva 1985-11-16",
        ],
    );
}

#[test]
fn the_prime_minister_is_the_latest_one_and_joining_him_gives_the_day() {
    let text = "TOKYO, March 21 (Kyodo) -- Japanese Prime Minister Fumio Kishida arrived in Kyiv on Tuesday. The prime minister had been in New Delhi on Monday for talks with Indian Prime Minister Narendra Modi.\n\nForeign Minister Yoshimasa Hayashi, who travelled separately from Tokyo, joined the prime minister in the Ukrainian capital on Tuesday evening.";
    let found = visits(text, "2023-03-21");
    assert_found(
        &found,
        &[
            "Fumio Kishida JP->UA Kyiv 2023-03-21",
            "Fumio Kishida JP->IN New Delhi 2023-03-20",
            "Yoshimasa Hayashi JP->UA Kyiv 2023-03-21",
        ],
    );
}

#[test]
fn refuelling_stops_plans_listed_after_a_comma_and_trips_argued_for_are_no_visits() {
    let text = "MOSCOW, July 12 (TASS) - Malaysian Prime Minister Anwar Ibrahim arrived in Moscow on Tuesday. En route, the prime minister's plane made a refueling stop in Tashkent.\n\nHe is expected to meet with Tatarstan Head Rustam Minnikhanov, visit Kazan Federal University and discuss finance. Advisers suggested Almaty instead, but the prime minister insisted on going to Mogadishu.";
    assert_eq!(
        visits(text, "2023-07-12"),
        ["Anwar Ibrahim MY->RU Moscow 2023-07-11"]
    );
}

#[test]
fn a_dateline_closed_by_a_colon_is_where_arrivals_without_a_place_came() {
    let text = "SCO leaders arrive as capital goes into lockdown\n\nOur Staff Reporter\n\nISLAMABAD: The capital remained under a tight security blanket on Tuesday.\n\nIndian External Affairs Minister Dr S. Jaishankar arrived on Tuesday afternoon and was received at Nur Khan airbase by officials.";
    assert_eq!(
        visits(text, "2024-10-16"),
        ["Subrahmanyam Jaishankar IN->PK Islamabad 2024-10-15"]
    );
}

#[test]
fn a_day_of_that_year_is_of_the_year_a_span_began_and_a_perfect_trip_needs_its_own_date() {
    let text = "KYIV (dpa) - German Foreign Minister Annalena Baerbock arrived in Kyiv on Tuesday.\n\nThe Green politician has travelled to Ukraine several times since February 2022. On May 10 of that year she became the first German minister to visit Ukraine after the invasion.\n\nScholz has made one trip to Kyiv since the invasion.";
    assert_eq!(
        visits(text, "2024-09-10"),
        [
            "Annalena Baerbock DE->UA Kyiv 2024-09-10",
            "Annalena Baerbock DE->UA 2022-05-10"
        ]
    );
}

#[test]
fn an_office_of_a_place_after_a_name_gives_its_country_and_the_dead_are_not_the_two_leaders() {
    let text = "LONDON (AP) - Sadiq Khan, the Mayor of London, landed in Mumbai on Monday.\n\nHassan took office after the sudden death of President John Magufuli. Vice President Kamala Harris flew into Dar es Salaam on Wednesday. The two leaders first met when Hassan was received at the White House last year.";
    let found = visits(text, "2023-03-31");
    assert_found(&found, &["Sadiq Khan GB->IN Mumbai 2023-03-27"]);
    assert!(
        !found.iter().any(|v| v.starts_with("John Magufuli")),
        "{found:?}"
    );
}

#[test]
fn the_democratic_peoples_republic_is_the_north_and_the_source_of_a_list_is_not_in_it() {
    let text = "PYONGYANG, June 19. /TASS/. Russian President Vladimir Putin has arrived in the capital of the Democratic People's Republic of Korea on a state visit.\n\nThe Russian delegation includes Foreign Minister Sergey Lavrov and Defense Minister Andrey Belousov, as well as regional governors, Presidential Aide Yury Ushakov told reporters.";
    let found = visits(text, "2024-06-19");
    assert_found(
        &found,
        &[
            "Vladimir Putin RU->KP Pyongyang 2024-06-19",
            "Sergey Lavrov RU->KP Pyongyang 2024-06-19",
        ],
    );
    assert!(
        !found
            .iter()
            .any(|v| v.contains("Ushakov") || v.contains("->KR")),
        "{found:?}"
    );
}

#[test]
fn a_participle_after_a_comma_goes_on_the_clause_and_its_date() {
    let text = "DILI, East Timor - Pope Francis arrived in Dili on Monday.\n\nJohn Paul II visited Indonesia in 1989, traveling from Jakarta to Dili for a Mass.";
    let found = visits(text, "2024-09-10");
    assert_found(
        &found,
        &[
            "John Paul II VA->ID Jakarta 1989",
            "John Paul II ID->TL Dili 1989",
        ],
    );
}

#[test]
fn a_king_by_his_given_name_a_trip_that_began_somewhere_and_a_banquet_in_ones_honour() {
    let text = "APIA - King Charles has told Commonwealth leaders that none of us can change the past.\n\nThe King and Queen Camilla flew in on Wednesday evening, landing at Faleolo airport.\n\nUS Secretary of State Antony Blinken's trip began on Thursday in Tel Aviv. Xi hosted a banquet in honour of Syrian President Bashar al-Assad in Hangzhou on Friday.";
    let found = visits(text, "2024-10-25");
    assert_found(
        &found,
        &[
            "Charles GB->WS Apia 2024-10-23",
            "Camilla GB->WS Apia 2024-10-23",
            "Antony Blinken US->IL Tel Aviv 2024-10-24",
            "Bashar al-Assad SY->CN Hangzhou 2024-10-25",
        ],
    );
}

#[test]
fn one_who_led_a_delegation_to_a_meeting_went_to_it() {
    let text = "HONIARA, Jan 5 - Solomon Islands Prime Minister Jeremiah Manele arrived in Beijing on Tuesday.\n\nManele led the Solomon Islands delegation to the Pacific Islands Forum leaders' meeting in Rarotonga last November.";
    let found = visits(text, "2025-01-08");
    assert_found(&found, &["Jeremiah Manele SB->CK Avarua 2024-11"]);
}

#[test]
fn an_end_date_is_no_arrival_and_styles_alone_are_no_name() {
    let text = "RABAT (AFP) - On a state visit until Wednesday, the French president Emmanuel Macron was greeted at Rabat airport on Monday by King Mohammed VI.\n\nJAKARTA - Anwar was accompanied by his wife, Datuk Seri Dr Wan Azizah Wan Ismail.";
    let found = visits(text, "2024-10-29");
    assert_found(&found, &["Emmanuel Macron FR->MA Rabat 2024-10-28"]);
    assert!(
        !found.iter().any(|v| v.starts_with("Datuk Seri ")),
        "{found:?}"
    );
}

#[test]
fn the_presidential_airbus_carries_the_president_and_is_no_person() {
    let text = "RABAT (AFP) - French President Emmanuel Macron began a state visit to Morocco. When the presidential Airbus touched down at Rabat airport on Monday, King Mohammed VI was waiting.\n\nThe presidential aircraft landed in Rabat on Monday afternoon.";
    let found = visits(text, "2024-10-29");
    assert_found(&found, &["Emmanuel Macron FR->MA Rabat 2024-10-28"]);
    assert!(!found.iter().any(|v| v.starts_with("Airbus")), "{found:?}");
}
