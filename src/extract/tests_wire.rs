//! The extractor's rules for long wire copy: companions and their offices,
//! tours told in pieces, datelines and the day "today" is, officials of
//! organisations, and the people the list of office-holders knows.

use super::tests::visits;

/// Asserts that every expected visit was found, naming the first missing.
pub(super) fn assert_found(found: &[String], expected: &[&str]) {
    for visit in expected {
        assert!(found.iter().any(|f| f == visit), "{visit}: {found:?}");
    }
}

#[test]
fn a_visitors_minister_in_a_home_agencys_story_is_the_visitors() {
    let text = "TOKYO, June 24 (Kyodo) -- Philippine President Ferdinand Marcos arrived in Tokyo on Monday evening. He was accompanied by Foreign Secretary Enrique Manalo.\n\nChief Cabinet Secretary Yoshimasa Hayashi told reporters the visit mattered.";
    assert_eq!(
        visits(text, "2025-06-24"),
        [
            "Ferdinand Marcos PH->JP Tokyo 2025-06-23",
            "Enrique Manalo PH->JP Tokyo 2025-06-23"
        ]
    );
}

#[test]
fn those_who_joined_or_accompany_a_traveller_went_where_they_joined_him() {
    let text = "NEW DELHI, Oct 16 (Reuters) - Australian Prime Minister Anthony Albanese arrived in New Delhi on Wednesday after a stop in Jakarta on Tuesday. Foreign Minister Penny Wong and Trade Minister Don Farrell, who travelled separately from Canberra, joined the prime minister in the Indian capital on Wednesday evening.\n\nAssistant Minister Tim Watts is accompanying the prime minister. Critics said the ministers accompanying the prime minister were too many, Treasurer Jim Chalmers said. Albanese will join Modi for a dinner.";
    let found = visits(text, "2025-10-16");
    for name in ["Penny Wong", "Don Farrell", "Tim Watts"] {
        assert!(
            found
                .iter()
                .any(|visit| visit.starts_with(&format!("{name} AU->IN "))
                    && visit.ends_with(" 2025-10-15")),
            "{name}: {found:?}"
        );
    }
    assert!(
        !found.iter().any(|v| v.starts_with("Jim Chalmers")),
        "{found:?}"
    );
}

#[test]
fn names_with_their_country_after_them_are_coordinated_travellers() {
    let text = "MONTEVIDEO, Uruguay (AP) -- Presidents Raul Alfonsin of Argentina and Jose Sarney of Brazil flew into the Uruguayan capital Monday for two days of talks.";
    assert_eq!(
        visits(text, "1986-12-09"),
        [
            "Raul Alfonsin AR->UY Montevideo 1986-12-08",
            "Jose Sarney BR->UY Montevideo 1986-12-08"
        ]
    );
}

#[test]
fn this_capital_is_the_datelines_and_a_trip_from_abroad_came_here() {
    let text = "DJAKARTA, Indonesia, April 16 (AP) — Prime Minister Jawaharlal Nehru of India, Premier U Nu of Burma and Egypt's Premier Gamal Abdel Nasser flew into this steaming capital today from Rangoon.";
    assert_eq!(
        visits(text, "1955-04-16"),
        [
            "Jawaharlal Nehru MM->ID Jakarta 1955-04-16",
            "U Nu MM->ID Jakarta 1955-04-16",
            "Gamal Abdel Nasser MM->ID Jakarta 1955-04-16"
        ]
    );
    let text = "Kyiv (AFP) - European leaders arrived on Saturday.\n\nFrench President Emmanuel Macron and German Chancellor Friedrich Merz travelled overnight on the same train from southeastern Poland. On Wednesday, Merz held talks in Paris before flying on to Warsaw.";
    assert_eq!(
        visits(text, "2025-05-10"),
        [
            "Emmanuel Macron FR->UA Kyiv 2025-05-10",
            "Friedrich Merz DE->UA Kyiv 2025-05-10",
            "Friedrich Merz DE->FR Paris 2025-05-07",
            "Friedrich Merz DE->PL Warsaw 2025-05-07"
        ]
    );
}

#[test]
fn a_retold_trip_keeps_its_day_and_companions_join_the_news_not_the_recalled_leg() {
    let text = "Havana, May 8 (Prensa Latina) Presidents Miguel Diaz-Canel of Cuba and Andres Manuel Lopez Obrador of Mexico held talks on Sunday.\n\nLopez Obrador arrived in the Cuban capital on Saturday evening, following a state visit to Belize which began on May 6. The Mexican leader, who travelled from Belize, was accompanied by his Foreign Secretary, Juan Perez Gomez.";
    let found = visits(text, "2022-05-08");
    assert!(
        found.contains(&"Juan Perez Gomez MX->CU Havana 2022-05-07".to_owned()),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|v| v.ends_with("2022-05-08")),
        "{found:?}"
    );
}

#[test]
fn today_in_a_newspapers_story_is_its_datelines_day() {
    let text = "AFRICAN LEADERS GATHER\n\nFrom Our Own Correspondent\n\nADDIS ABABA, May 22.\n\nPresident Nasser of the United Arab Republic landed at the airport this afternoon after a direct flight from Cairo. Dr. Kwame Nkrumah, President of Ghana, who flew in yesterday from Accra, received visitors.";
    assert_eq!(
        visits(text, "1963-05-23"),
        [
            "Gamal Abdel Nasser EG->ET Addis Ababa 1963-05-22",
            "Kwame Nkrumah GH->ET Addis Ababa 1963-05-21"
        ]
    );
}

#[test]
fn new_york_is_a_place_an_address_there_a_visit_and_is_to_a_plan() {
    let text = "ROME, Jan. 26 (AP) - Pope Paul VI addressed the United Nations General Assembly in New York in 1965. On his way back to Rome, the Pope is to make a brief stop in Nassau, the Bahamas. New measures were announced.";
    assert_eq!(visits(text, "1979-01-26"), ["Paul VI VA->US New York 1965"]);
}

#[test]
fn tours_told_by_where_they_began_and_what_else_they_took_in() {
    let text = "ANKARA (AA) - UAE President Sheikh Mohamed bin Zayed arrived in Ankara on Monday on a regional tour that began in Qatar on Sunday.\n\nTurkish President Recep Tayyip Erdogan last travelled to the Emirates in July 2023. Abu Dhabi was the final stop of a Gulf tour that also took him to Saudi Arabia and Qatar.";
    assert_eq!(
        visits(text, "2024-12-10"),
        [
            "Mohamed bin Zayed AE->TR Ankara 2024-12-09",
            "Mohamed bin Zayed AE->QA 2024-12-08",
            "Recep Tayyip Erdogan TR->AE 2023-07",
            "Recep Tayyip Erdogan TR->SA 2023-07",
            "Recep Tayyip Erdogan TR->QA 2023-07"
        ]
    );
}

#[test]
fn the_place_flown_in_from_after_talks_there_was_an_earlier_leg() {
    let text = "DAKAR, Feb 11 (AFP) - Spanish Prime Minister Pedro Sanchez arrived in Dakar on Tuesday. Sanchez, who flew in from Nouakchott after holding talks there on Monday with Mauritanian President Mohamed Ould Ghazouani, was received at the airport.";
    assert_eq!(
        visits(text, "2025-02-11"),
        [
            "Pedro Sanchez ES->SN Dakar 2025-02-11",
            "Pedro Sanchez ES->MR Nouakchott 2025-02-10"
        ]
    );
}

#[test]
fn companions_of_a_journey_went_to_where_the_story_is() {
    let text = "JAKARTA, Jan 27 (Reuters) - Malaysian Prime Minister Anwar Ibrahim arrived in Jakarta on Monday for talks.\n\nAnwar's plane touched down at Halim Perdanakusuma airport after a flight from Bangkok, where his regional trip began on Saturday with talks with Thai Prime Minister Paetongtarn Shinawatra. He was accompanied by Foreign Minister Mohamad Hasan.";
    let found = visits(text, "2025-01-27");
    assert!(
        found.contains(&"Mohamad Hasan MY->ID Jakarta 2025-01-27".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"Anwar Ibrahim MY->TH Bangkok 2025-01-25".to_owned()),
        "{found:?}"
    );
}

#[test]
fn officials_described_by_their_organisation_travel_from_its_seat() {
    let text = "NAIROBI, Kenya (AP) — Amina Mohammed, the United Nations deputy secretary-general, arrived in Nairobi on Sunday. The Chairperson of the African Union Commission, Mr Moussa Faki Mahamat, was in Nairobi on Monday, where he held talks with Ruto.";
    assert_eq!(
        visits(text, "2025-09-17"),
        [
            "Amina Mohammed US->KE Nairobi 2025-09-14",
            "Moussa Faki Mahamat ET->KE Nairobi 2025-09-15"
        ]
    );
}

#[test]
fn a_companion_may_follow_a_long_office() {
    let text = "ABUJA, May 15 (NAN) - Senegalese President Bassirou Diomaye Faye arrived in Abuja on Tuesday. Faye was accompanied by Senegal's Minister of African Integration and Foreign Affairs, Dr Yassine Fall, and other senior government officials.";
    assert_eq!(
        visits(text, "2024-05-15"),
        [
            "Bassirou Diomaye Faye SN->NG Abuja 2024-05-14",
            "Yassine Fall SN->NG Abuja 2024-05-14"
        ]
    );
}

#[test]
fn stopped_in_is_a_visit_and_a_handle_is_no_name() {
    let text = "New Delhi, Oct 6 (PTI) Maldives President Mohamed Muizzu arrived here on Sunday.\n\n\"A warm welcome to President @MMuizzu of Maldives as he arrives in New Delhi,\" the spokesperson said. Japanese Prime Minister Fumio Kishida stopped in Nairobi in May on a four-nation African tour. Stops in Maputo and Johannesburg are planned.";
    assert_eq!(
        visits(text, "2024-10-06"),
        [
            "Mohamed Muizzu MV->IN Delhi 2024-10-06",
            "Fumio Kishida JP->KE Nairobi 2024-05"
        ]
    );
}

#[test]
fn his_visit_in_a_who_clause_is_the_one_who_stands_for() {
    let text = "ANKARA (AA) - Turkish President Recep Tayyip Erdogan met reporters on Tuesday.\n\nHe also spoke by phone with NATO Secretary General Mark Rutte, who paid his first visit to Turkey as head of the alliance last month.";
    assert_eq!(visits(text, "2024-12-10"), ["Mark Rutte BE->TR 2024-11"]);
}

#[test]
fn a_host_welcomed_his_counterpart_who_travelled() {
    let text = "ANKARA (AA) - President Recep Tayyip Erdogan on Tuesday welcomed his Emirati counterpart Sheikh Mohamed bin Zayed Al Nahyan at Ankara's Esenboga Airport.";
    assert_eq!(
        visits(text, "2024-12-10"),
        ["Mohamed bin Zayed Al Nahyan AE->TR Ankara 2024-12-10"]
    );
}

#[test]
fn a_headlines_plural_verb_ends_the_names_before_it() {
    let text = "Alfonsin, Sarney Join Sanguinetti for Trade Talks in Uruguay\n\nMONTEVIDEO, Uruguay (AP) -- Presidents Raul Alfonsin of Argentina and Jose Sarney of Brazil flew into the Uruguayan capital Monday for talks with President Julio Maria Sanguinetti.\n\nSarney visited Buenos Aires in July, when he and Alfonsin signed the Act for Argentine-Brazilian Integration.";
    let found = visits(text, "1986-12-09");
    assert!(
        found.contains(&"Jose Sarney BR->AR Buenos Aires 1986-07".to_owned()),
        "{found:?}"
    );
}

#[test]
fn the_countrys_leader_is_its_head_not_a_minister_named_since() {
    let text = "ABUJA, May 15 (NAN) - Senegalese President Bassirou Diomaye Faye arrived in Abuja on Tuesday. Faye was accompanied by Senegal's Foreign Minister Yassine Fall.\n\nThe Senegalese leader had arrived in Accra on Monday for talks. He has also visited Mauritania.";
    let found = visits(text, "2024-05-15");
    assert!(
        found.contains(&"Bassirou Diomaye Faye SN->GH Accra 2024-05-13".to_owned()),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|v| v.starts_with("Yassine Fall SN->GH")),
        "{found:?}"
    );
}

#[test]
fn a_companions_flight_inside_the_country_visited_is_a_side_trip() {
    let text = "Nairobi, Oct 8 (PTI) Prime Minister Narendra Modi arrived here on Wednesday.\n\nExternal Affairs Minister Subrahmanyam Jaishankar and National Security Adviser Ajit Doval are accompanying the prime minister.\n\nLater in the day, Jaishankar flew to Mombasa.";
    assert_eq!(
        visits(text, "2025-10-08"),
        [
            "Narendra Modi IN->KE Nairobi 2025-10-08",
            "Subrahmanyam Jaishankar IN->KE Nairobi 2025-10-08",
            "Ajit Doval IN->KE Nairobi 2025-10-08"
        ]
    );
}

#[test]
fn where_a_tour_began_is_dated_by_its_where_clause() {
    let text = "BRASILIA, May 6 (Reuters) - Nigerian President Bola Tinubu landed at Brasilia's air force base late on Monday on the second leg of a tour that began in Saint Lucia, where he arrived on Thursday for talks with Caribbean leaders.";
    assert_eq!(
        visits(text, "2025-05-06"),
        [
            "Bola Tinubu NG->BR Brasilia 2025-05-05",
            "Bola Tinubu NG->LC 2025-05-01"
        ]
    );
}

#[test]
fn chinese_he_state_councillors_bali_and_the_following_month() {
    let text = "ROME, March 22 (ANSA) - Chinese President Xi Jinping arrived in Rome on Thursday. The Chinese delegation includes State Councillor and Foreign Minister Wang Yi and He Lifeng, head of the National Development and Reform Commission.\n\nThe thaw began when Italian Prime Minister Giuseppe Conte met Xi in Bali last March, and Foreign Minister Luigi Di Maio travelled to Beijing the following month. During the visit, Xi is scheduled to call on President Sergio Mattarella, address business leaders, and visit Palermo.";
    assert_eq!(
        visits(text, "2019-03-22"),
        [
            "Xi Jinping CN->IT Rome 2019-03-21",
            "Wang Yi CN->IT Rome 2019-03-21",
            "He Lifeng CN->IT Rome 2019-03-21",
            "Giuseppe Conte IT->ID Denpasar 2018-03",
            "Luigi Di Maio IT->CN Beijing 2018-04"
        ]
    );
}

#[test]
fn a_tour_that_began_and_also_took_him_on_keeps_each_legs_day() {
    let text = "ISLAMABAD, Feb 13 (APP): Turkish President Recep Tayyip Erdogan arrived here on Wednesday from Jakarta, the final leg of an Asian tour which began in Kuala Lumpur on Sunday and also took him to Indonesia, where he held talks with President Prabowo Subianto on Tuesday.";
    assert_eq!(
        visits(text, "2025-02-13"),
        [
            "Recep Tayyip Erdogan ID->PK Islamabad 2025-02-12",
            "Recep Tayyip Erdogan TR->MY Kuala Lumpur 2025-02-09",
            "Recep Tayyip Erdogan TR->ID 2025-02-11"
        ]
    );
}

#[test]
fn those_together_with_the_subject_arrived_and_one_on_the_way_has_not() {
    let text = "Guadalajara (Mexico), July 17 (EFE).- King Juan Carlos of Spain, together with Spanish Prime Minister Felipe Gonzalez, arrived last night in Guadalajara. Venezuelan President Carlos Andres Perez landed this morning. The Portuguese President, Mario Soares, is travelling to Guadalajara from Brasilia.";
    assert_eq!(
        visits(text, "1991-07-17"),
        [
            "Juan Carlos ES->MX Guadalajara 1991-07-16",
            "Felipe Gonzalez ES->MX Guadalajara 1991-07-16",
            "Carlos Andres Perez VE->MX Guadalajara 1991-07-17"
        ]
    );
}

#[test]
fn a_list_of_companions_with_offices_and_a_surname_that_is_a_title() {
    let text = "SHANGHAI, Nov 5 (AAP) - Prime Minister Anthony Albanese arrived in Shanghai on Saturday. He was travelling with his partner Jodie Haydon, Trade Minister Don Farrell and Resources Minister Madeleine King, as well as a delegation.";
    assert_eq!(
        visits(text, "2023-11-05"),
        [
            "Anthony Albanese AU->CN Shanghai 2023-11-04",
            "Jodie Haydon AU->CN Shanghai 2023-11-04",
            "Don Farrell AU->CN Shanghai 2023-11-04",
            "Madeleine King AU->CN Shanghai 2023-11-04"
        ]
    );
}

#[test]
fn among_those_travelling_with_the_president_are_its_party() {
    let text = "ISLAMABAD, Feb 13 (APP): Turkish President Recep Tayyip Erdogan arrived here on Wednesday. Among those travelling with the President are Foreign Minister Hakan Fidan and Minister of National Defence Yasar Guler, according to the embassy.";
    assert_eq!(
        visits(text, "2025-02-13"),
        [
            "Recep Tayyip Erdogan TR->PK Islamabad 2025-02-12",
            "Hakan Fidan TR->PK Islamabad 2025-02-12",
            "Yasar Guler TR->PK Islamabad 2025-02-12"
        ]
    );
}

#[test]
fn a_description_before_a_name_gives_its_office() {
    let text = "PORT MORESBY (AAP) - Anthony Albanese and the minister for trade, Pat Conroy, landed in Port Moresby on Thursday afternoon. Albanese was greeted by James Marape, with Richard Marles flying in from Manila.";
    let found = visits(text, "2025-08-15");
    assert!(
        found.contains(&"Pat Conroy AU->PG Port Moresby 2025-08-14".to_owned()),
        "{found:?}"
    );
    assert!(
        found.iter().any(|v| v.starts_with("Richard Marles PH->PG")),
        "{found:?}"
    );
}

#[test]
fn accompanying_the_president_are_a_list_of_offices() {
    let text = "BAGHDAD, Sept 11 (IRNA) - Iranian President Masoud Pezeshkian arrived in Baghdad on Wednesday. Foreign Minister Seyyed Abbas Araghchi, Minister of Roads and Urban Development Farzaneh Sadegh and Oil Minister Mohsen Paknejad are accompanying the President on the trip.\n\nAccompanying the President are the Foreign Minister, Mr Ali Akbar Velayati; the Minister of State, Lt-Gen Hossein Dehghan; and the Minister of Trade, Dr Reza Rahmani.";
    let found = visits(text, "2024-09-11");
    for name in [
        "Seyyed Abbas Araghchi",
        "Farzaneh Sadegh",
        "Mohsen Paknejad",
        "Ali Akbar Velayati",
        "Hossein Dehghan",
        "Reza Rahmani",
    ] {
        assert!(
            found.contains(&format!("{name} IR->IQ Baghdad 2024-09-11")),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn an_adviser_of_a_known_leader_serves_the_leaders_country() {
    let text = "BRASILIA, March 27 (AFP) - French President Emmanuel Macron arrived in Brasilia on Tuesday. Preparations for the visit were handled by Joao Carlos Mendes, Lula's chief foreign policy adviser, who flew to Paris earlier this month to meet officials.";
    let found = visits(text, "2024-03-27");
    assert!(
        found
            .iter()
            .any(|v| v.starts_with("Joao Carlos Mendes BR->FR Paris")),
        "{found:?}"
    );
}

#[test]
fn who_stands_for_the_adviser_not_the_one_whose_adviser_he_is() {
    let text = "BRASILIA, March 27 (AFP) - French President Emmanuel Macron arrived in Brasilia on Tuesday. Preparations for the visit were handled by Celso Amorim, Lula's chief foreign policy adviser, who flew to Paris earlier this month to meet officials.";
    let found = visits(text, "2024-03-27");
    assert!(
        found
            .iter()
            .any(|v| v.starts_with("Celso Amorim BR->FR Paris")),
        "{found:?}"
    );
    assert!(!found.iter().any(|v| v.contains("Lula")), "{found:?}");
}

#[test]
fn what_was_attended_may_take_many_words_before_its_place() {
    let text = "New Delhi, Oct 6 (PTI) Maldives President Mohamed Muizzu arrived here on Sunday. He was among the leaders of India's neighbourhood who attended the swearing-in ceremony of Prime Minister Modi and his council of ministers at the Rashtrapati Bhavan on June 9.";
    assert_eq!(
        visits(text, "2024-10-06"),
        [
            "Mohamed Muizzu MV->IN Delhi 2024-10-06",
            "Mohamed Muizzu MV->IN New Delhi 2024-06-09"
        ]
    );
}

#[test]
fn a_when_clause_after_since_is_on_the_date_since_names() {
    let text = "SHANGHAI, Nov 5 (AAP) - Australian Prime Minister Anthony Albanese arrived in Shanghai on Saturday. Chinese President Xi Jinping has not visited Australia since 2014, when he attended the G20 summit in Brisbane.";
    assert_eq!(
        visits(text, "2023-11-05"),
        [
            "Anthony Albanese AU->CN Shanghai 2023-11-04",
            "Xi Jinping CN->AU Brisbane 2014"
        ]
    );
}

#[test]
fn the_two_leaders_are_the_pair_the_story_is_about() {
    let text = "MONTEVIDEO, Feb 7 (AP) - President Raul Alfonsin of Argentina arrived here today for talks with President Jose Sarney of Brazil and their Uruguayan host.\n\nThe two leaders had first met formally in November of last year at Foz do Iguacu, on the Brazilian side of the border, where they opened a bridge.";
    let found = visits(text, "1986-02-07");
    assert!(
        found.contains(&"Raul Alfonsin AR->BR Foz do Iguacu 1985-11".to_owned()),
        "{found:?}"
    );
    // Sarney met him at home: no visit.
    assert!(
        !found.iter().any(|v| v.starts_with("Jose Sarney BR->BR")),
        "{found:?}"
    );
}

#[test]
fn a_relative_who_shares_the_surname_is_someone_else() {
    let text = "NEW DELHI, India (AP) — President Eisenhower arrived in India tonight.\n\nTraveling with the President are his son, Maj. John Eisenhower, and press secretary James C. Hagerty.";
    assert_eq!(
        visits(text, "1959-12-09"),
        [
            "Dwight D. Eisenhower US->IN 1959-12-09",
            "John Eisenhower US->IN 1959-12-09",
            "James C. Hagerty US->IN 1959-12-09"
        ]
    );
}

#[test]
fn they_are_the_people_the_sentence_names_as_subjects() {
    let text = "NEW DELHI, India (AP) — President Eisenhower arrived in India tonight.\n\nSoviet Premier Nikita S. Khrushchev and his predecessor, Nikolai A. Bulganin, drew vast crowds in New Delhi when they toured India together in 1955.";
    let found = visits(text, "1959-12-09");
    for name in ["Nikita S. Khrushchev", "Nikolai A. Bulganin"] {
        assert!(
            found.contains(&format!("{name} RU->IN 1955")),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn a_name_in_brackets_and_a_headlines_capitals_are_the_same_person() {
    let text = "Jokowi meets Putin in Moscow\n\nMoscow (ANTARA) - President Joko Widodo (Jokowi) held talks with Russian President Vladimir Putin in Moscow on Thursday.\n\nJokowi and First Lady Iriana Joko Widodo landed at Vnukovo airport in Moscow on Thursday afternoon.";
    assert_eq!(
        visits(text, "2022-06-30"),
        [
            "Joko Widodo ID->RU Moscow 2022-06-30",
            "Iriana Joko Widodo ID->RU Moscow 2022-06-30"
        ]
    );
    let text = "L. I. BREZHNEV ARRIVES IN INDIA\n\nNEW DELHI, November 26. (TASS). Leonid Brezhnev, General Secretary of the Central Committee of the Communist Party of the Soviet Union, arrived in New Delhi today.\n\nAccompanying L. I. Brezhnev is A. A. Gromyko, Minister of Foreign Affairs of the USSR.";
    assert_eq!(
        visits(text, "1973-11-26"),
        [
            "L. I. Brezhnev RU->IN New Delhi 1973-11-26",
            "A. A. Gromyko RU->IN New Delhi 1973-11-26"
        ]
    );
}

#[test]
fn a_tour_told_in_one_sentence_gives_each_of_its_stops() {
    let text = "ABUJA, Aug 31 (dpa) - German Chancellor Angela Merkel arrived in Abuja on Friday for talks with President Muhammadu Buhari.\n\nMerkel began her trip in Dakar on Wednesday, where she met President Macky Sall. In Accra on Thursday she held talks with Ghanaian President Nana Akufo-Addo.\n\nOn her previous Africa tour, in October 2016, she travelled to Bamako, Niamey and Addis Ababa.\n\nBritish Prime Minister Theresa May was in Abuja and Lagos on Wednesday, on a tour that began in Cape Town on Tuesday and ended in Nairobi on Thursday.";
    let found = visits(text, "2018-08-31");
    assert_found(
        &found,
        &[
            "Angela Merkel DE->SN Dakar 2018-08-29",
            "Angela Merkel DE->GH Accra 2018-08-30",
            "Angela Merkel DE->ML Bamako 2016-10",
            "Angela Merkel DE->NE Niamey 2016-10",
            "Angela Merkel DE->ET Addis Ababa 2016-10",
            "Theresa May GB->NG Abuja 2018-08-29",
            "Theresa May GB->ZA Cape Town 2018-08-28",
            "Theresa May GB->KE Nairobi 2018-08-30",
        ],
    );
    assert!(
        !found.iter().any(|v| v.starts_with("Muhammadu Buhari")),
        "{found:?}"
    );
}

#[test]
fn where_a_leader_was_last_or_spent_months_is_a_trip() {
    let text = "ABUJA, Aug 31 (dpa) - German Chancellor Angela Merkel arrived in Abuja on Friday for talks with President Muhammadu Buhari.\n\nBuhari was last in Berlin in October 2016. The 75-year-old president spent more than three months in London last year receiving treatment.";
    let found = visits(text, "2018-08-31");
    assert_found(
        &found,
        &[
            "Muhammadu Buhari NG->DE Berlin 2016-10",
            "Muhammadu Buhari NG->GB London 2017",
        ],
    );
}

#[test]
fn a_leg_chained_to_a_recalled_swing_is_dated_with_it() {
    let text = "JERUSALEM, Nov. 19 (AP) - Egyptian President Anwar Sadat arrived in Jerusalem tonight.\n\nAt the end of last month, Sadat made a swing through Romania, Iran and Saudi Arabia. In Bucharest he conferred at length with President Nicolae Ceausescu. Sadat then flew on to Tehran for talks with the shah.";
    let found = visits(text, "1977-11-19");
    assert_eq!(
        found,
        [
            "Anwar Sadat EG->IL Jerusalem 1977-11-19",
            "Anwar Sadat EG->RO 1977-10",
            "Anwar Sadat EG->IR Tehran 1977-10",
            "Anwar Sadat EG->SA 1977-10"
        ]
    );
}

#[test]
fn a_stop_on_the_way_back_from_a_trip_is_dated_with_it() {
    let text = "NEW DELHI, November 26. (TASS). Leonid Brezhnev arrived in New Delhi today.\n\nThis year L. I. Brezhnev paid an official visit to the United States in June. On his way back from the United States L. I. Brezhnev stopped in France, where he held talks with President G. Pompidou at Rambouillet.";
    assert!(
        visits(text, "1973-11-26")
            .contains(&"L. I. Brezhnev RU->FR Rambouillet 1973-06".to_owned())
    );
}

#[test]
fn him_and_her_are_the_subject_of_a_clause_before() {
    let text = "KYIV, Feb 20 (AFP) - US President Joe Biden arrived in Kyiv on Monday.\n\nEuropean Commission President Ursula von der Leyen arrived in the Ukrainian capital on February 2, and EU Council President Charles Michel joined her the next day for an EU-Ukraine summit.";
    let found = visits(text, "2023-02-20");
    // (Joined "the next day" still takes her day: companions keep the
    // traveller's date.)
    assert!(
        found
            .iter()
            .any(|visit| visit.starts_with("Charles Michel BE->UA Kyiv 2023-02")),
        "{found:?}"
    );
}

#[test]
fn a_tours_date_after_its_verb_is_the_verbs() {
    let text = "JERUSALEM, Nov. 19 (AP) - Egyptian President Anwar Sadat arrived in Jerusalem tonight.\n\nSecretary of State Cyrus R. Vance visited Cairo and Jerusalem on a Middle East tour in August.";
    let found = visits(text, "1977-11-19");
    assert_found(
        &found,
        &[
            "Cyrus R. Vance US->EG Cairo 1977-08",
            "Cyrus R. Vance US->IL Jerusalem 1977-08",
        ],
    );
}

#[test]
fn a_famous_city_outranks_a_small_namesake_and_undated_old_talks_are_left_out() {
    let text = "Clinton in Damascus, Presses Assad to Make Peace\n\nDAMASCUS, Syria (AP) - President Clinton flew into Syria on Thursday for talks with President Hafez Assad.\n\nClinton and Assad first met in Geneva in January. Assad had also held talks with Jimmy Carter in Geneva during Carter's presidency, but he has never visited the United States.";
    let found = visits(text, "1994-10-27");
    assert!(
        found.contains(&"Hafez Assad SY->CH Geneva 1994-01".to_owned()),
        "{found:?}"
    );
    assert!(!found.iter().any(|v| v.starts_with("Presses")), "{found:?}");
    assert!(
        !found.iter().any(|v| v.ends_with("Geneva 1994-10-27")),
        "{found:?}"
    );
}

#[test]
fn the_next_stop_of_an_itinerary_in_the_present_is_still_to_come() {
    let text = "NEW DELHI, India (AP) — President Eisenhower arrived in India tonight. He stays four days, then goes on to Athens.";
    assert_eq!(
        visits(text, "1959-12-09"),
        ["Dwight D. Eisenhower US->IN 1959-12-09"]
    );
}

#[test]
fn meetings_in_a_city_state_and_handshakes_abroad_are_trips() {
    let text = "SEOUL, Sept. 18 (Yonhap) -- President Moon Jae-in arrived in Pyongyang on Tuesday.\n\nPresident Donald Trump and Kim Jong Un met in Singapore on June 12. Obama and Castro shook hands for the first time at the memorial service for Nelson Mandela in Johannesburg in December 2013.";
    let found = visits(text, "2018-09-18");
    assert_found(
        &found,
        &[
            "Donald Trump US->SG Singapore 2018-06-12",
            "Kim Jong Un KP->SG Singapore 2018-06-12",
            "Obama US->ZA Johannesburg 2013-12",
        ],
    );
}

#[test]
fn later_that_month_is_the_month_just_told() {
    let text = "BINTAN - Prime Minister Lee Hsien Loong arrived on Tuesday.\n\nThe last retreat was held in Singapore in October 2019. Later that month, Mr Lee was in Jakarta for Mr Joko's inauguration.";
    let found = visits(text, "2022-01-25");
    assert!(
        found.contains(&"Lee Hsien Loong SG->ID Jakarta 2019-10".to_owned()),
        "{found:?}"
    );
}

#[test]
fn a_trip_abroad_to_a_city_and_a_trip_which_began_somewhere() {
    let text = "JOHANNESBURG, July 23 (Xinhua) -- Chinese President Xi Jinping arrived in Johannesburg on Monday.\n\nNorth Korean leader Kim Jong Un, who made his first known trip abroad as leader to Beijing in late March, has since met Xi twice. Xi arrived from Kigali, the third stop of his current trip, which began Thursday in Abu Dhabi.";
    let found = visits(text, "2018-07-23");
    assert_found(
        &found,
        &[
            "Kim Jong Un KP->CN Beijing 2018-03",
            "Xi Jinping CN->AE Abu Dhabi 2018-07-19",
        ],
    );
}

#[test]
fn a_tour_as_the_subject_takes_its_owner_to_each_stop() {
    let text = "NAIROBI, April 28 (Reuters) - Chinese President Hu Jintao arrived in Nairobi on Thursday with Foreign Minister Li Zhaoxing.\n\nHu's last African tour, in early 2004, took him to Cairo, Libreville and Algiers.";
    let found = visits(text, "2006-04-28");
    assert_found(
        &found,
        &[
            "Hu Jintao CN->EG Cairo 2004",
            "Hu Jintao CN->GA Libreville 2004",
            "Hu Jintao CN->DZ Algiers 2004",
        ],
    );
}

#[test]
fn had_been_in_a_city_is_a_trip() {
    let text = "MOSCOW, June 27 (TASS) - US President Richard Nixon arrived in Moscow today.\n\nR. Nixon recalled that he had been in Moscow in 1959 as Vice-President of the USA.";
    let found = visits(text, "1974-06-27");
    assert!(
        found.contains(&"Richard Nixon US->RU Moscow 1959".to_owned()),
        "{found:?}"
    );
}

#[test]
fn attending_a_named_conference_is_a_trip() {
    let text = "ANKARA, Aug 18 (AA) - Prime Minister Recep Tayyip Erdogan arrived in Mogadishu on Friday.\n\nAfghan President Hamid Karzai, who attended the conference on Somalia in Istanbul in May 2010, telephoned Erdogan. Qatar's emir attended the funeral in Mogadishu.";
    let found = visits(text, "2011-08-18");
    assert!(
        found.contains(&"Hamid Karzai AF->TR Istanbul 2010-05".to_owned()),
        "{found:?}"
    );
}

#[test]
fn a_date_inside_a_name_is_no_date_and_agency_chiefs_come_from_its_seat() {
    let text = "PYONGYANG, Oct. 2 (Yonhap) -- President Roh Moo-hyun arrived in Pyongyang on Tuesday. North Korean leader Kim Jong-il greeted Roh at a welcoming ceremony in front of the April 25 House of Culture.\n\nInternational Atomic Energy Agency chief Mohamed ElBaradei visited Pyongyang in March.";
    let found = visits(text, "2007-10-02");
    assert_found(
        &found,
        &[
            "Roh Moo-hyun KR->KP Pyongyang 2007-10-02",
            "Mohamed ElBaradei AT->KP Pyongyang 2007-03",
        ],
    );
    assert!(!found.iter().any(|v| v.contains("04-25")), "{found:?}");
}

#[test]
fn a_visit_confirmed_or_discussed_is_still_to_come_and_a_stopover_at_an_airport_is_a_stop() {
    let text = "BERLUSCONI PHONES GADDAFI, CONFIRMS LIBYAN LEADER'S VISIT TO ITALY\n\n(ANSA) - ROME, FEB 3 - Premier Silvio Berlusconi telephoned Libyan leader Muammar Gaddafi on Tuesday.";
    assert!(visits(text, "2009-02-03").is_empty());
    let text = "LONDON - Mikhail Gorbachev arrived in London yesterday from Havana.\n\nMr Gorbachev arrived in the Cuban capital on Sunday, after a stopover at Shannon airport earlier the same day, where he held talks with the Irish Taoiseach, Mr Charles Haughey.";
    let found = visits(text, "1989-04-06");
    assert!(
        found
            .iter()
            .any(|v| v.starts_with("Mikhail Gorbachev RU->IE Shannon")),
        "{found:?}"
    );
}

#[test]
fn there_is_the_place_named_last() {
    let text = "SEOUL, Sept. 18 (Yonhap) -- President Moon Jae-in arrived in Pyongyang on Tuesday.\n\nMoon is only the third South Korean president to visit Pyongyang. Former President Kim Dae-jung flew there in June 2000 for the first-ever inter-Korean summit.\n\nItalian Foreign Minister Paolo Gentiloni flew to Tehran in August, a few weeks after a trip there by German Vice Chancellor Sigmar Gabriel in July.";
    let found = visits(text, "2018-09-18");
    assert_found(
        &found,
        &[
            "Kim Dae-jung KR->KP Pyongyang 2000-06",
            "Sigmar Gabriel DE->IR Tehran 2018-07",
        ],
    );
}

#[test]
fn a_dateline_on_its_own_line_and_a_nickname_in_a_list_of_travellers() {
    let text = "Special Correspondent\n\nNEW DELHI\n\nUpdated - June 09, 2024 11:48 pm IST\n\nSri Lankan President Ranil Wickremesinghe, Nepal Prime Minister Pushpa Kamal Dahal 'Prachanda' and Bhutan Prime Minister Tshering Tobgay flew in on Sunday morning, the ministry said.";
    assert_eq!(
        visits(text, "2024-06-09"),
        [
            "Ranil Wickremesinghe LK->IN Delhi 2024-06-09",
            "Pushpa Kamal Dahal NP->IN Delhi 2024-06-09",
            "Tshering Tobgay BT->IN Delhi 2024-06-09"
        ]
    );
}

#[test]
fn a_companion_named_after_the_arrival_and_its_day_and_a_signing_abroad() {
    let text = "Port Moresby (AFP) - Australian Prime Minister Anthony Albanese marked Anzac Day on Thursday.\n\nAlbanese, who flew into Port Moresby on Tuesday with Pacific Minister Pat Conroy, was welcomed at the airport by Marape before the pair travelled by helicopter to the village of Kokoda on Wednesday.\n\nUS Secretary of State Antony Blinken signed a defence cooperation agreement in Port Moresby in May last year. In January 2023, on his first visit to the country as prime minister, Albanese addressed its parliament.";
    let found = visits(text, "2024-04-25");
    assert_found(
        &found,
        &[
            "Anthony Albanese AU->PG Port Moresby 2024-04-23",
            "Pat Conroy AU->PG Port Moresby 2024-04-23",
            "Antony Blinken US->PG Port Moresby 2023-05",
            "Anthony Albanese AU->PG 2023-01",
        ],
    );
}

#[test]
fn a_newspapers_byline_place_is_its_dateline_and_reporters_are_no_companions() {
    let text = "Samoa welcomes the king\n\nSela Fonoti in Apia\n\nUpdated Fri 25 Oct 2024 09.12 BST\n\nBritain's King Charles arrived on Wednesday on a chartered flight from Sydney.\n\nKeir Starmer, who flew into Apia on Thursday, told reporters travelling with him that reparations were not on the agenda.";
    assert_eq!(
        visits(text, "2024-10-25"),
        [
            "Charles AU->WS Apia 2024-10-23",
            "Keir Starmer GB->WS Apia 2024-10-24"
        ]
    );
}

#[test]
fn a_stay_with_a_purpose_is_a_visit_on_the_sentences_day_not_the_events_year() {
    let text = "BEIJING, Sept. 3 (Xinhua) -- Chinese President Xi Jinping on Tuesday met with Nigerian President Bola Ahmed Tinubu, who is in Beijing for the 2024 Summit of the Forum on China-Africa Cooperation, at the Great Hall of the People.\n\nThe Nigerian ambassador, who is in Beijing, said nothing.";
    assert_eq!(
        visits(text, "2024-09-03"),
        ["Bola Ahmed Tinubu NG->CN Beijing 2024-09-03"]
    );
}

#[test]
fn the_day_after_an_earlier_act_is_that_acts_not_the_arrivals() {
    let text = "DAKAR, Feb 11 (AFP) - Spanish Prime Minister Pedro Sanchez began a two-day visit to Senegal on Tuesday.\n\nSanchez, who flew in from Nouakchott after holding talks there on Monday with Mauritanian President Mohamed Ould Ghazouani, was received at the airport by Prime Minister Ousmane Sonko.";
    let found = visits(text, "2025-02-11");
    assert!(
        found.contains(&"Pedro Sanchez MR->SN Dakar 2025-02-11".to_owned()),
        "{found:?}"
    );
}

#[test]
fn an_age_describes_the_traveller_and_a_region_or_a_greeting_names_no_one() {
    let text = "ADDIS ABABA, Feb 17 (Reuters) - Brazilian President Luiz Inacio Lula da Silva urged African leaders on Saturday to join forces.\n\n\"Africa and Latin America cannot keep sending more money to creditors,\" Lula told heads of state. Abiy said he had held an excellent meeting with brother Lula.\n\nThe 78-year-old leftist, accompanied by Foreign Minister Mauro Vieira, arrived in Addis Ababa on Friday from Cairo, where he held talks with Egyptian President Abdel Fattah al-Sisi on Thursday.";
    assert_eq!(
        visits(text, "2024-02-17"),
        [
            "Luiz Inacio Lula da Silva BR->ET Addis Ababa 2024-02-16",
            "Mauro Vieira BR->ET Addis Ababa 2024-02-16",
            "Luiz Inacio Lula da Silva BR->EG Cairo 2024-02-15"
        ]
    );
}

#[test]
fn what_was_to_happen_did_not_and_a_planes_maker_is_no_traveller() {
    let text = "TOKYO, Aug. 9 Kyodo - Prime Minister Fumio Kishida on Friday called off a planned trip to Kazakhstan.\n\nUnder the original itinerary, Kishida was to hold talks with Kazakh President Kassym-Jomart Tokayev in Astana on Saturday and then visit Tashkent and Samarkand.";
    assert!(visits(text, "2024-08-09").is_empty());
    let text = "BONN, May 18 - Leonid Brezhnev arrived here today.\n\nMr. Brezhnev's Ilyushin jetliner touched down at the Cologne-Bonn airport at 4:02 P.M.";
    assert_eq!(
        visits(text, "1973-05-19"),
        ["Leonid Brezhnev RU->DE Bonn 1973-05-18"]
    );
}

#[test]
fn a_leader_named_without_office_is_the_countrys_president_and_the_head_of_state() {
    let text = "In Kinshasa, Emmanuel Macron ends his African tour\n\nBy Mathilde Garnier (Kinshasa, special correspondent)\nPublished on March 4, 2023\n\n\"We must not look elsewhere for culprits,\" Mr. Macron said on Saturday. The French president landed in Kinshasa on Friday evening.\n\nOn Thursday, the head of state was in Luanda, where he announced a partnership with Angola.";
    assert_eq!(
        visits(text, "2023-03-04"),
        [
            "Emmanuel Macron FR->CD Kinshasa 2023-03-03",
            "Emmanuel Macron FR->AO Luanda 2023-03-02"
        ]
    );
}

#[test]
fn a_delegations_member_a_long_office_and_a_trip_that_was_to_a_place() {
    let text = "ABU DHABI, Jan 13 (Bernama) -- Prime Minister Datuk Seri Anwar Ibrahim arrived here this afternoon.\n\nHe was greeted on arrival by UAE Minister of State for Foreign Trade Thani Ahmed Al Zeyoudi and embassy officials.\n\nAlso in the delegation is Foreign Minister Datuk Seri Mohamad Hasan.\n\nThe deal was announced after Al Zeyoudi was in Kuala Lumpur last month for talks. Anwar's first official overseas trip was to Indonesia in January 2023.";
    let found = visits(text, "2025-01-13");
    assert_found(
        &found,
        &[
            "Datuk Seri Mohamad Hasan MY->AE Abu Dhabi 2025-01-13",
            "Thani Ahmed Al Zeyoudi AE->MY Kuala Lumpur 2024-12",
            "Datuk Seri Anwar Ibrahim MY->ID 2023-01",
        ],
    );
}

#[test]
fn a_trip_that_took_him_to_two_capitals_and_a_coming_last_dated() {
    let text = "Charles arrives in Canada\n\nKing Charles III and Queen Camilla have arrived in Canada, where they were greeted by Prime Minister Mark Carney on Monday.\n\nIt is the King's 20th visit to Canada. He last came in May 2022, when he was still Prince of Wales. They met the community at Lansdowne Park in the United States.\n\nCarney travelled to Washington earlier this month. His first trip abroad as prime minister, in March, took him to Paris and London.";
    let found = visits(text, "2025-05-26");
    assert_found(
        &found,
        &[
            "Camilla GB->CA 2025-05-26",
            "Charles III GB->CA 2022-05",
            "Mark Carney CA->FR Paris 2025-03",
            "Mark Carney CA->GB London 2025-03",
        ],
    );
    assert!(!found.iter().any(|v| v.contains("Lansdowne")), "{found:?}");
}

#[test]
fn a_day_after_he_arrived_and_the_legs_an_aged_description_tells() {
    let text = "HANOI, Vietnam (AP) — New Zealand Prime Minister Christopher Luxon pressed Vietnam on Wednesday to open its market, a day after he arrived in Hanoi.\n\nVietnamese Prime Minister Pham Minh Chinh hosted him on Wednesday. Chinh called New Zealand a trusted friend.\n\nThe 54-year-old former airline executive has made Southeast Asia a focus of his foreign policy.\n\nHe began the tour in Manila last Thursday. In Bangkok on Saturday, he met Prime Minister Paetongtarn Shinawatra.";
    assert_eq!(
        visits(text, "2025-02-26"),
        [
            "Christopher Luxon NZ->VN Hanoi 2025-02-25",
            "Christopher Luxon NZ->PH Manila 2025-02-20",
            "Christopher Luxon NZ->TH Bangkok 2025-02-22"
        ]
    );
}

#[test]
fn a_visit_paid_by_its_traveller_a_chief_guest_and_a_month_of_that_year() {
    let text = "JAKARTA, Oct 23 (Reuters) - Brazilian President Luiz Inacio Lula da Silva and his Indonesian counterpart Prabowo Subianto pledged on Thursday to double trade. Lula landed in Jakarta on Wednesday.\n\nThe trip reciprocates a state visit Prabowo paid to Brasilia in July. Indonesian Foreign Minister Sugiono flew to Brasilia last month. It is the 79-year-old's second trip to Asia this year. In March he paid a state visit to Japan, where he was received by Emperor Naruhito.\n\nMacron, in turn, was the chief guest at India's Republic Day celebrations in New Delhi in January last year.\n\nRelations cooled after the Paris summit of May, 1960. In March of that year, Premier Nikita Khrushchev had made a 12-day tour of France.";
    let found = visits(text, "2025-10-23");
    assert_found(
        &found,
        &[
            "Prabowo Subianto ID->BR Brasilia 2025-07",
            "Luiz Inacio Lula da Silva BR->JP 2025-03",
            "Macron FR->IN New Delhi 2024-01",
            "Nikita Khrushchev RU->FR 1960-03",
        ],
    );
}

#[test]
fn a_companion_is_of_the_travellers_country_after_and_talks_held_abroad() {
    let text = "SHANGHAI (AAP) - Anthony Albanese arrived in Shanghai on Saturday with Trade Minister Don Farrell.\n\nFarrell went to Beijing in May for talks with Commerce Minister Wang Wentao.\n\nOn Wednesday, Friedrich Merz made his first trips abroad as chancellor, holding talks with Macron in Paris.";
    let found = visits(text, "2023-11-05");
    assert_found(
        &found,
        &[
            "Don Farrell AU->CN Shanghai 2023-11-04",
            "Don Farrell AU->CN Beijing 2023-05",
            "Friedrich Merz DE->FR Paris 2023-11-01",
        ],
    );
}

#[test]
fn one_who_accompanied_another_to_a_place_and_a_predecessor_named_in_commas() {
    let text = "RIYADH - Iranian Foreign Minister Abbas Araghchi arrived in Riyadh on Wednesday for talks, as Tehran lobbies Gulf states to stay out of a retaliation for last week's missile barrage.\n\nLast Thursday, Araghchi accompanied President Masoud Pezeshkian to Doha for a summit.\n\nSaudi Foreign Minister Prince Faisal bin Farhan visited Tehran in June 2023, and Araghchi's predecessor, Hossein Amir-Abdollahian, travelled to Riyadh two months later.";
    assert_eq!(
        visits(text, "2024-10-09"),
        [
            "Abbas Araghchi IR->SA Riyadh 2024-10-09",
            "Abbas Araghchi IR->QA Doha 2024-10-03",
            "Masoud Pezeshkian IR->QA Doha 2024-10-03",
            "Faisal bin Farhan SA->IR Tehran 2023-06",
            "Hossein Amir-Abdollahian IR->SA Riyadh 2023-08"
        ]
    );
}

#[test]
fn with_no_dateline_a_companion_went_where_the_lede_says() {
    let text = "Lula receives Xi in Brasília\n\nBrasília - President Luiz Inácio Lula da Silva received Chinese President Xi Jinping in Brasília on Wednesday (20).\n\nBefore Brazil, the Chinese leader was in Peru, where he attended the APEC summit in Lima.\n\nChinese Foreign Minister Wang Yi, who accompanied Xi, met his Brazilian counterpart earlier in the day.";
    let found = visits(text, "2024-11-20");
    assert!(
        found.iter().any(|v| v.starts_with("Wang Yi CN->BR")),
        "{found:?}"
    );
}

/// The `provenance` of the visit of the traveller whose name holds `name`.
pub(super) fn provenance_of(text: &str, published: &str, name: &str) -> serde_json::Value {
    let options = super::ArticleOptions {
        published: Some(
            published
                .parse::<crate::model::FuzzyDate>()
                .unwrap()
                .first_day(),
        ),
        ..super::ArticleOptions::default()
    };
    let extraction = super::extract_article(text, &options, crate::gazetteer::Gazetteer::bundled());
    let visit = extraction
        .visits
        .iter()
        .find(|v| v.leader.as_ref().is_some_and(|p| p.name.contains(name)))
        .unwrap_or_else(|| panic!("{name} travelled"));
    visit.extra["provenance"].clone()
}

#[test]
fn a_delegations_member_is_taken_as_a_companion_and_never_surely() {
    let text = "ABU DHABI, Jan 13 (Bernama) -- Prime Minister Datuk Seri Anwar Ibrahim arrived here this afternoon.\n\nAlso in the delegation is Foreign Minister Datuk Seri Mohamad Hasan.";
    let why = provenance_of(text, "2025-01-13", "Mohamad Hasan");
    assert!(
        why["because"]
            .as_str()
            .unwrap()
            .starts_with("travelled with the traveller"),
        "{why}"
    );
    assert_eq!(why["confidence"], "medium", "{why}");
}

#[test]
fn a_capitalised_small_word_in_a_name_and_an_earlier_leg_behind_an_apposition() {
    let text = "SINGAPORE – Vietnam's top leader To Lam arrived in Singapore on March 11 for a three-day official visit.\n\nMr Lam, 67, flew in from Jakarta, the first stop of a two-nation tour, where he held talks with Indonesian President Prabowo Subianto on March 10. While in Jakarta, Mr Lam also received ASEAN Secretary-General Kao Kim Hourn.\n\nPM Lawrence Wong has yet to make an official visit to Vietnam since taking office.";
    assert_eq!(
        visits(text, "2025-03-11"),
        [
            "To Lam VN->SG Singapore 2025-03-11",
            "To Lam VN->ID Jakarta 2025-03-10"
        ]
    );
}
