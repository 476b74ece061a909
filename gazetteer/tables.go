package gazetteer

// The hand-written part of a build: continents and regions news names,
// names the packages lack, and demonym rules. Coordinates are approximate
// centres (facts, not taken from any database).

// regions are the continents and major world regions.
var regions = []Entry{
	{ID: 6255146, Name: "Africa", Lat: 7.1881, Lon: 21.0938, Feature: "CONT"},
	{ID: 6255147, Name: "Asia", Lat: 29.8405, Lon: 89.2969, Feature: "CONT"},
	{ID: 6255148, Name: "Europe", Lat: 48.691, Lon: 9.1406, Feature: "CONT"},
	{ID: 6255149, Name: "North America", Lat: 46.0732, Lon: -100.5469, Feature: "CONT"},
	{ID: 6255150, Name: "South America", Lat: -14.6048, Lon: -57.6563, Feature: "CONT"},
	{ID: 6255151, Name: "Oceania", Lat: -18.3128, Lon: 138.5156, Feature: "CONT", Names: []string{"Oceania", "Australasia"}},
	{ID: 6255152, Name: "Antarctica", Lat: -78.1586, Lon: 16.4063, Feature: "CONT"},
	{Name: "Middle East", Lat: 29, Lon: 41, Feature: "RGN", Names: []string{"Middle East", "Mideast", "Near East"}},
	{Name: "European Union", Lat: 48.691, Lon: 9.1406, Feature: "RGN", Names: []string{"European Union", "EU", "E.U."}},
	{Name: "Persian Gulf", Lat: 26.5, Lon: 52, Feature: "GULF", Names: []string{"Persian Gulf", "Gulf", "Arabian Gulf", "Gulf region"}},
	{Name: "Latin America", Lat: -10, Lon: -65, Feature: "RGN"},
	{Name: "Central America", Lat: 13.5, Lon: -86, Feature: "RGN"},
	{Name: "Caribbean", Lat: 17, Lon: -72, Feature: "RGN", Names: []string{"Caribbean", "West Indies"}},
	{Name: "Balkans", Lat: 43, Lon: 21, Feature: "RGN", Names: []string{"Balkans", "Balkan Peninsula", "Western Balkans"}},
	{Name: "Caucasus", Lat: 42.5, Lon: 44.5, Feature: "RGN", Names: []string{"Caucasus", "North Caucasus", "South Caucasus", "Caucasia"}},
	{Name: "Central Asia", Lat: 43, Lon: 65, Feature: "RGN"},
	{Name: "Southeast Asia", Lat: 8, Lon: 110, Feature: "RGN", Names: []string{"Southeast Asia", "South-East Asia", "South East Asia"}},
	{Name: "East Asia", Lat: 35, Lon: 120, Feature: "RGN", Names: []string{"East Asia", "Far East"}},
	{Name: "South Asia", Lat: 22, Lon: 78, Feature: "RGN", Names: []string{"South Asia", "Indian subcontinent"}},
	{Name: "Sub-Saharan Africa", Lat: -2, Lon: 22, Feature: "RGN", Names: []string{"Sub-Saharan Africa", "Subsaharan Africa"}},
	{Name: "West Africa", Lat: 12, Lon: -3, Feature: "RGN"},
	{Name: "East Africa", Lat: 0, Lon: 37, Feature: "RGN"},
	{Name: "North Africa", Lat: 28, Lon: 12, Feature: "RGN"},
	{Name: "Southern Africa", Lat: -24, Lon: 25, Feature: "RGN"},
	{Name: "Central Africa", Lat: 2, Lon: 20, Feature: "RGN"},
	{Name: "Horn of Africa", Lat: 8, Lon: 44, Feature: "RGN"},
	{Name: "Sahel", Lat: 15, Lon: 5, Feature: "RGN"},
	{Name: "Maghreb", Lat: 31, Lon: 3, Feature: "RGN"},
	{Name: "Levant", Lat: 33.5, Lon: 36, Feature: "RGN"},
	{Name: "Arabian Peninsula", Lat: 23, Lon: 46, Feature: "PEN"},
	{Name: "Korean Peninsula", Lat: 38, Lon: 127.5, Feature: "PEN"},
	{Name: "Scandinavia", Lat: 63, Lon: 14, Feature: "RGN"},
	{Name: "Western Europe", Lat: 48, Lon: 5, Feature: "RGN"},
	{Name: "Eastern Europe", Lat: 50, Lon: 30, Feature: "RGN"},
	{Name: "Mediterranean", Lat: 35, Lon: 18, Feature: "SEA", Names: []string{"Mediterranean", "Mediterranean Sea"}},
	{Name: "Black Sea", Lat: 43.4, Lon: 34.3, Feature: "SEA"},
	{Name: "Red Sea", Lat: 20.3, Lon: 38.5, Feature: "SEA"},
	{Name: "Baltic Sea", Lat: 58, Lon: 20, Feature: "SEA", Names: []string{"Baltic Sea", "Baltic"}},
	{Name: "South China Sea", Lat: 13, Lon: 114, Feature: "SEA"},
	{Name: "Arctic", Lat: 78, Lon: 0, Feature: "RGN"},
	{Name: "Pacific", Lat: 0, Lon: -160, Feature: "OCN", Names: []string{"Pacific", "Pacific Ocean"}},
	{Name: "Atlantic", Lat: 10, Lon: -30, Feature: "OCN", Names: []string{"Atlantic", "Atlantic Ocean"}},
	{Name: "Indian Ocean", Lat: -20, Lon: 80, Feature: "OCN"},
	{Name: "Kashmir", Lat: 34, Lon: 76, Feature: "RGN"},
	{Name: "Kurdistan", Lat: 37, Lon: 43.5, Feature: "RGN"},
	{Name: "Kurdistan Region", Lat: 36.4, Lon: 44.4, Feature: "RGN", Country: "IRQ", Names: []string{"Kurdistan Region", "Iraqi Kurdistan", "Kurdistan Region of Iraq", "Kurdistan Regional Government"}},
	{Name: "Darfur", Lat: 13, Lon: 24, Feature: "RGN", Country: "SDN"},
	{Name: "West Bank", Lat: 32, Lon: 35.25, Feature: "RGN", Country: "PSE"},
	{Name: "Gaza Strip", Lat: 31.42, Lon: 34.36, Feature: "RGN", Country: "PSE", Names: []string{"Gaza Strip", "Gaza"}},
	{Name: "Sinai", Lat: 29.5, Lon: 33.8, Feature: "PEN", Country: "EGY", Names: []string{"Sinai", "Sinai Peninsula"}},
	{Name: "Golan Heights", Lat: 33, Lon: 35.75, Feature: "RGN", Country: "SYR", Names: []string{"Golan Heights", "Golan"}},
	{Name: "Crimea", Lat: 45.3, Lon: 34.4, Feature: "PEN", Country: "UKR", Names: []string{"Crimea", "Crimean Peninsula"}},
	{Name: "Donbas", Lat: 48, Lon: 38.5, Feature: "RGN", Country: "UKR", Names: []string{"Donbas", "Donbass"}},
	{Name: "Midwest", Lat: 41.5, Lon: -90, Feature: "RGN", Country: "USA", Names: []string{"Midwest", "Middle West"}},
	{Name: "New England", Lat: 43.5, Lon: -71.5, Feature: "RGN", Country: "USA"},
	{Name: "West Coast", Lat: 41, Lon: -122.5, Feature: "RGN", Country: "USA"},
	{Name: "East Coast", Lat: 37.5, Lon: -77, Feature: "RGN", Country: "USA", Names: []string{"East Coast", "Eastern Seaboard"}},
	{Name: "Gulf Coast", Lat: 29.7, Lon: -91, Feature: "RGN", Country: "USA"},
	{Name: "Silicon Valley", Lat: 37.37, Lon: -122.04, Feature: "RGN", Country: "USA"},
	{Name: "Capitol Hill", Lat: 38.89, Lon: -77.01, Feature: "PPLX", Country: "USA", Admin1: "DC"},
	{Name: "Soviet Union", Lat: 60, Lon: 100, Feature: "RGN", Names: []string{"Soviet Union", "USSR", "U.S.S.R."}},
	{Name: "South Ossetia", Lat: 42.35, Lon: 44, Feature: "RGN", Country: "GEO", Names: []string{"South Ossetia", "Tskhinvali Region"}},
	{Name: "Nagorno-Karabakh", Lat: 39.85, Lon: 46.75, Feature: "RGN", Country: "AZE", Names: []string{"Nagorno-Karabakh", "Nagorno Karabakh", "Karabakh", "Artsakh"}},
	{Name: "Transnistria", Lat: 47.25, Lon: 29.4, Feature: "RGN", Country: "MDA", Names: []string{"Transnistria", "Transdniestria", "Trans-Dniester", "Pridnestrovie"}},
	{Name: "Siberia", Lat: 60, Lon: 100, Feature: "RGN", Country: "RUS"},
	{Name: "Ural Mountains", Lat: 60, Lon: 60, Feature: "RGN", Country: "RUS", Names: []string{"Ural Mountains", "Urals"}},
	{Name: "Patagonia", Lat: -45, Lon: -69, Feature: "RGN", Country: "ARG"},
	{Name: "Galilee", Lat: 32.85, Lon: 35.45, Feature: "RGN", Country: "ISR"},
	{Name: "Negev", Lat: 30.85, Lon: 34.8, Feature: "RGN", Country: "ISR", Names: []string{"Negev", "Negev Desert"}},
	{Name: "Eastern Ghouta", Lat: 33.55, Lon: 36.4, Feature: "RGN", Country: "SYR", Names: []string{"Eastern Ghouta", "East Ghouta", "Ghouta"}},
	{Name: "Sahara", Lat: 23, Lon: 10, Feature: "RGN", Names: []string{"Sahara", "Sahara Desert"}},
	{Name: "Amazon", Lat: -3.5, Lon: -62, Feature: "RGN", Names: []string{"Amazon", "Amazon rainforest", "Amazonia"}},
	{Name: "Nile Delta", Lat: 30.9, Lon: 31.1, Feature: "RGN", Country: "EGY"},
	{Name: "Niger Delta", Lat: 5, Lon: 6.2, Feature: "RGN", Country: "NGA"},

	// Seats of power and landmarks news names as places (the actor stage
	// reads the same names as governments when they act: "the Kremlin said").
	{Name: "White House", Lat: 38.8977, Lon: -77.0365, Feature: "BLDG", Country: "USA", Admin1: "DC"},
	{Name: "Pentagon", Lat: 38.8719, Lon: -77.0563, Feature: "BLDG", Country: "USA", Admin1: "VA"},
	{Name: "U.S. Capitol", Lat: 38.8899, Lon: -77.0091, Feature: "BLDG", Country: "USA", Admin1: "DC", Names: []string{"U.S. Capitol", "US Capitol", "United States Capitol"}},
	{Name: "Camp David", Lat: 39.648, Lon: -77.465, Feature: "BLDG", Country: "USA", Admin1: "MD"},
	{Name: "Wall Street", Lat: 40.706, Lon: -74.0088, Feature: "BLDG", Country: "USA", Admin1: "NY"},
	{Name: "Kremlin", Lat: 55.752, Lon: 37.6175, Feature: "BLDG", Country: "RUS", Names: []string{"Kremlin", "the Kremlin"}},
	{Name: "Downing Street", Lat: 51.5033, Lon: -0.1276, Feature: "BLDG", Country: "GBR", Admin1: "ENG"},
	{Name: "Buckingham Palace", Lat: 51.5014, Lon: -0.1419, Feature: "BLDG", Country: "GBR", Admin1: "ENG"},
	{Name: "Elysee Palace", Lat: 48.8704, Lon: 2.3167, Feature: "BLDG", Country: "FRA", Admin1: "11", Names: []string{"Elysee Palace", "Élysée Palace", "Elysee", "Élysée"}},
	{Name: "Zhongnanhai", Lat: 39.9133, Lon: 116.3836, Feature: "BLDG", Country: "CHN"},
	{Name: "United Nations headquarters", Lat: 40.7489, Lon: -73.968, Feature: "BLDG", Country: "USA", Admin1: "NY", Names: []string{"United Nations headquarters", "UN headquarters", "U.N. headquarters", "United Nations"}},
	{Name: "Trump Tower", Lat: 40.7625, Lon: -73.9738, Feature: "BLDG", Country: "USA", Admin1: "NY"},
	{Name: "Whitehall", Lat: 51.5045, Lon: -0.1263, Feature: "BLDG", Country: "GBR", Admin1: "ENG"},
	{Name: "Scotland Yard", Lat: 51.4981, Lon: -0.1339, Feature: "BLDG", Country: "GBR", Admin1: "ENG", Names: []string{"Scotland Yard", "New Scotland Yard"}},

	// Squares and streets where news happens (protests, rallies, parades).
	{Name: "Broadway", Lat: 40.759, Lon: -73.985, Feature: "RGN", Country: "USA", Admin1: "NY"},
	{Name: "Times Square", Lat: 40.758, Lon: -73.9855, Feature: "RGN", Country: "USA", Admin1: "NY"},
	{Name: "Central Park", Lat: 40.7829, Lon: -73.9654, Feature: "RGN", Country: "USA", Admin1: "NY"},
	{Name: "Ground Zero", Lat: 40.7115, Lon: -74.0134, Feature: "RGN", Country: "USA", Admin1: "NY"},
	{Name: "Fifth Avenue", Lat: 40.7739, Lon: -73.9653, Feature: "RGN", Country: "USA", Admin1: "NY"},
	{Name: "National Mall", Lat: 38.8896, Lon: -77.023, Feature: "RGN", Country: "USA", Admin1: "DC"},
	{Name: "Trafalgar Square", Lat: 51.508, Lon: -0.128, Feature: "RGN", Country: "GBR", Admin1: "ENG"},
	{Name: "Parliament Square", Lat: 51.5005, Lon: -0.1268, Feature: "RGN", Country: "GBR", Admin1: "ENG"},
	{Name: "Champs-Elysees", Lat: 48.8698, Lon: 2.3078, Feature: "RGN", Country: "FRA", Admin1: "11", Names: []string{"Champs-Elysees", "Champs-Élysées", "Champs Elysees"}},
	{Name: "Red Square", Lat: 55.7539, Lon: 37.6208, Feature: "RGN", Country: "RUS"},
	{Name: "Tiananmen Square", Lat: 39.9055, Lon: 116.3976, Feature: "RGN", Country: "CHN", Names: []string{"Tiananmen Square", "Tiananmen"}},
	{Name: "Tahrir Square", Lat: 30.0444, Lon: 31.2357, Feature: "RGN", Country: "EGY"},
	{Name: "Maidan", Lat: 50.4501, Lon: 30.5234, Feature: "RGN", Country: "UKR", Names: []string{"Maidan", "Maidan Nezalezhnosti"}},

	// Airports news names (strikes, arrivals, expulsions).
	{Name: "Heathrow Airport", Lat: 51.47, Lon: -0.4543, Feature: "AIRP", Country: "GBR", Admin1: "ENG", Names: []string{"Heathrow Airport", "Heathrow", "London Heathrow"}},
	{Name: "Gatwick Airport", Lat: 51.1537, Lon: -0.1821, Feature: "AIRP", Country: "GBR", Admin1: "ENG", Names: []string{"Gatwick Airport", "Gatwick", "London Gatwick"}},
	{Name: "John F. Kennedy International Airport", Lat: 40.6413, Lon: -73.7781, Feature: "AIRP", Country: "USA", Admin1: "NY", Names: []string{"John F. Kennedy International Airport", "JFK Airport", "JFK International Airport", "Kennedy Airport"}},
	{Name: "LaGuardia Airport", Lat: 40.7769, Lon: -73.874, Feature: "AIRP", Country: "USA", Admin1: "NY"},
	{Name: "Dulles International Airport", Lat: 38.9531, Lon: -77.4565, Feature: "AIRP", Country: "USA", Admin1: "VA", Names: []string{"Dulles International Airport", "Dulles Airport", "Washington Dulles International Airport"}},
	{Name: "O'Hare International Airport", Lat: 41.9742, Lon: -87.9073, Feature: "AIRP", Country: "USA", Admin1: "IL", Names: []string{"O'Hare International Airport", "O'Hare Airport", "O'Hare"}},
	{Name: "Charles de Gaulle Airport", Lat: 49.0097, Lon: 2.5479, Feature: "AIRP", Country: "FRA", Admin1: "11", Names: []string{"Charles de Gaulle Airport", "Roissy-Charles de Gaulle Airport"}},
	{Name: "Schiphol Airport", Lat: 52.3105, Lon: 4.7683, Feature: "AIRP", Country: "NLD", Names: []string{"Schiphol Airport", "Schiphol", "Amsterdam Schiphol"}},
	{Name: "Frankfurt Airport", Lat: 50.0379, Lon: 8.5622, Feature: "AIRP", Country: "DEU"},
	{Name: "Ben Gurion Airport", Lat: 32.0055, Lon: 34.8854, Feature: "AIRP", Country: "ISR", Names: []string{"Ben Gurion Airport", "Ben Gurion International Airport", "Ben-Gurion Airport"}},
	{Name: "Domodedovo Airport", Lat: 55.4088, Lon: 37.9063, Feature: "AIRP", Country: "RUS", Names: []string{"Domodedovo Airport", "Domodedovo International Airport"}},
	{Name: "Sheremetyevo Airport", Lat: 55.9726, Lon: 37.4146, Feature: "AIRP", Country: "RUS", Names: []string{"Sheremetyevo Airport", "Sheremetyevo", "Sheremetyevo International Airport"}},
	{Name: "Pulkovo Airport", Lat: 59.8003, Lon: 30.2625, Feature: "AIRP", Country: "RUS", Names: []string{"Pulkovo Airport", "Pulkovo"}},
	{Name: "Dubai International Airport", Lat: 25.2532, Lon: 55.3657, Feature: "AIRP", Country: "ARE"},
	{Name: "Beirut airport", Lat: 33.8209, Lon: 35.4884, Feature: "AIRP", Country: "LBN", Names: []string{"Rafic Hariri International Airport", "Beirut International Airport", "Beirut airport"}},
	{Name: "Kabul airport", Lat: 34.5659, Lon: 69.2123, Feature: "AIRP", Country: "AFG", Names: []string{"Hamid Karzai International Airport", "Kabul International Airport", "Kabul airport"}},
	{Name: "Baghdad International Airport", Lat: 33.2625, Lon: 44.2346, Feature: "AIRP", Country: "IRQ", Names: []string{"Baghdad International Airport", "Baghdad airport"}},
	{Name: "Damascus International Airport", Lat: 33.4115, Lon: 36.5156, Feature: "AIRP", Country: "SYR", Names: []string{"Damascus International Airport", "Damascus airport"}},

	// Rivers that news names, each at its mouth (or its confluence with a
	// larger river), as gazetteers place streams.
	{Name: "Euphrates", Lat: 31.0, Lon: 47.43, Feature: "STM", Country: "IRQ", Names: []string{"Euphrates", "Euphrates River", "River Euphrates"}},
	{Name: "Tigris", Lat: 31.0, Lon: 47.43, Feature: "STM", Country: "IRQ", Names: []string{"Tigris", "Tigris River", "River Tigris"}},
	{Name: "Shatt al-Arab", Lat: 29.95, Lon: 48.6, Feature: "STM", Country: "IRQ", Names: []string{"Shatt al-Arab", "Shatt al-Arab waterway", "Arvand Rud"}},
	{Name: "Jordan River", Lat: 31.76, Lon: 35.56, Feature: "STM", Names: []string{"Jordan River", "River Jordan"}},
	{Name: "Litani", Lat: 33.34, Lon: 35.25, Feature: "STM", Country: "LBN", Names: []string{"Litani", "Litani River", "River Litani"}},
	{Name: "Nile", Lat: 31.46, Lon: 30.37, Feature: "STM", Country: "EGY", Names: []string{"Nile", "Nile River", "River Nile"}},
	{Name: "Niger River", Lat: 4.3, Lon: 6.0, Feature: "STM", Country: "NGA", Names: []string{"Niger River", "River Niger"}},
	{Name: "Congo River", Lat: -6.0, Lon: 12.3, Feature: "STM", Names: []string{"Congo River", "River Congo"}},
	{Name: "Zambezi", Lat: -18.8, Lon: 36.3, Feature: "STM", Country: "MOZ", Names: []string{"Zambezi", "Zambezi River"}},
	{Name: "Limpopo", Lat: -25.2, Lon: 33.5, Feature: "STM", Country: "MOZ", Names: []string{"Limpopo", "Limpopo River"}},
	{Name: "Danube", Lat: 45.15, Lon: 29.7, Feature: "STM", Country: "ROU", Names: []string{"Danube", "Danube River", "River Danube"}},
	{Name: "Rhine", Lat: 51.98, Lon: 4.08, Feature: "STM", Country: "NLD", Names: []string{"Rhine", "Rhine River", "River Rhine"}},
	{Name: "Dnieper", Lat: 46.5, Lon: 32.2, Feature: "STM", Country: "UKR", Names: []string{"Dnieper", "Dnipro River", "Dnieper River", "River Dnieper"}},
	{Name: "Volga", Lat: 45.8, Lon: 47.9, Feature: "STM", Country: "RUS", Names: []string{"Volga", "Volga River", "River Volga"}},
	{Name: "Thames", Lat: 51.5, Lon: 0.6, Feature: "STM", Country: "GBR", Admin1: "ENG", Names: []string{"Thames", "River Thames", "Thames River"}},
	{Name: "Indus", Lat: 24.0, Lon: 67.4, Feature: "STM", Country: "PAK", Names: []string{"Indus", "Indus River", "River Indus"}},
	{Name: "Ganges", Lat: 22.0, Lon: 88.5, Feature: "STM", Country: "IND", Names: []string{"Ganges", "Ganga", "Ganges River", "River Ganges"}},
	{Name: "Brahmaputra", Lat: 23.8, Lon: 89.7, Feature: "STM", Country: "BGD", Names: []string{"Brahmaputra", "Brahmaputra River"}},
	{Name: "Cauvery", Lat: 11.14, Lon: 79.86, Feature: "STM", Country: "IND", Names: []string{"Cauvery", "Kaveri", "Cauvery River", "Kaveri River"}},
	{Name: "Irrawaddy", Lat: 16.0, Lon: 95.0, Feature: "STM", Country: "MMR", Names: []string{"Irrawaddy", "Ayeyarwady River", "Irrawaddy River"}},
	{Name: "Mekong", Lat: 10.0, Lon: 106.6, Feature: "STM", Country: "VNM", Names: []string{"Mekong", "Mekong River"}},
	{Name: "Yangtze", Lat: 31.4, Lon: 121.9, Feature: "STM", Country: "CHN", Names: []string{"Yangtze", "Yangtze River", "Chang Jiang"}},
	{Name: "Yellow River", Lat: 37.75, Lon: 119.25, Feature: "STM", Country: "CHN"},
	{Name: "Mississippi River", Lat: 29.15, Lon: -89.25, Feature: "STM", Country: "USA", Admin1: "LA"},
	{Name: "Hudson River", Lat: 40.7, Lon: -74.02, Feature: "STM", Country: "USA", Admin1: "NY"},
	{Name: "Rio Grande", Lat: 25.96, Lon: -97.15, Feature: "STM", Country: "USA", Admin1: "TX"},
	{Name: "Orinoco", Lat: 8.6, Lon: -61.0, Feature: "STM", Country: "VEN", Names: []string{"Orinoco", "Orinoco River"}},
}

// countryExtra are names news uses that world-countries lacks.
var countryExtra = map[string][]string{
	"USA": {"U.S.", "U.S.A.", "America", "United States"},
	"GBR": {"UK", "U.K.", "Britain", "Great Britain"},
	"ARE": {"UAE", "U.A.E.", "Emirates"},
	"COD": {"DRC", "DR Congo", "Congo-Kinshasa"},
	"COG": {"Congo-Brazzaville"},
	"PRK": {"DPRK"},
	"MMR": {"Burma"},
	"CZE": {"Czech Republic"},
	"TUR": {"Turkiye", "Turkey"},
	"SWZ": {"Swaziland"},
	"MKD": {"Macedonia"},
	"PSE": {"Palestinian territories", "Palestinian Territories", "occupied Palestinian territories"},
	"VAT": {"Vatican", "Holy See"},
	"CIV": {"Ivory Coast"},
	"TTO": {"T&T", "Trinidad"},
}

// demonymExtra are demonyms news uses that world-countries lacks.
var demonymExtra = map[string][]string{
	"USA": {"American", "Americans", "U.S."},
	"GBR": {"British", "Briton", "Britons", "Brit", "Brits"},
	"SAU": {"Saudi", "Saudis"},
	"ARE": {"Emirati", "Emiratis"},
	"PSE": {"Palestinian", "Palestinians"},
	"ISR": {"Israeli", "Israelis"},
	"NLD": {"Dutch"},
	"PHL": {"Filipino", "Filipinos", "Philippine"},
	"KOR": {"South Korean", "South Koreans", "Korean", "Koreans"},
	"PRK": {"North Korean", "North Koreans"},
	"COD": {"Congolese"},
	"BIH": {"Bosnian", "Bosnians"},
	"TWN": {"Taiwanese"},
	"GEO": {"Georgian", "Georgians"},
	"NZL": {"New Zealander", "New Zealanders", "Kiwi", "Kiwis"},
	"THA": {"Thai", "Thais"},
	"LKA": {"Sinhalese", "Sinhala"},
}

// demonymOwner settles demonyms that two sovereign states share.
var demonymOwner = map[string]string{"Congolese": "COD", "Dominican": "DOM", "American": "USA", "Guinean": "GIN",
	"Korean": "KOR", "Sudanese": "SDN", "Irish": "IRL", "Samoan": "WSM"}

// dropDemonym lists demonyms that are not words news uses for a country.
var dropDemonym = map[string]bool{"South Georgian South Sandwich Islander": true, "Channel Islander": true,
	"Virgin Islander": true}

// demonymPlural gives plurals that do not just add -s; "" for none.
var demonymPlural = map[string]string{"Czech": "Czechs", "Motswana": "Batswana", "Mosotho": "Basotho",
	"I-Kiribati": "", "Ni-Vanuatu": "", "Malagasy": "", "Burkinabe": "", "Greenlandic": "", "Central African": ""}

// countryCentre overrides world-countries' coordinates where they fall far
// from the point GeoNames gives the country (the point the geoparsing
// literature scores against, as GeoNames is the reference gazetteer): the
// geographic centre of the contiguous United States; Kuwait's falls outside
// Kuwait; Canada's, Australia's and India's lie 300-1,000 km from GeoNames',
// Libya's 330 km; GeoNames places Japan at Tokyo.
var countryCentre = map[string][2]float64{"USA": {39.8283, -98.5795}, "KWT": {29.31, 47.49},
	"CAN": {60.10867, -113.64258}, "AUS": {-25, 135}, "IND": {22, 79}, "LBY": {28, 17}, "JPN": {35.68536, 139.75309}}

// usAbbrev are the AP-style abbreviations of US states and DC.
var usAbbrev = map[string][]string{
	"AL": {"Ala."}, "AZ": {"Ariz."}, "AR": {"Ark."}, "CA": {"Calif."}, "CO": {"Colo."}, "CT": {"Conn."},
	"DE": {"Del."}, "DC": {"D.C.", "Washington D.C.", "Washington DC"}, "FL": {"Fla."}, "GA": {"Ga."},
	"IL": {"Ill."}, "IN": {"Ind."}, "KS": {"Kan.", "Kans."}, "KY": {"Ky."}, "LA": {"La."}, "MD": {"Md."},
	"MA": {"Mass."}, "MI": {"Mich."}, "MN": {"Minn."}, "MS": {"Miss."}, "MO": {"Mo."}, "MT": {"Mont."},
	"NE": {"Neb.", "Nebr."}, "NV": {"Nev."}, "NH": {"N.H."}, "NJ": {"N.J."}, "NM": {"N.M."}, "NY": {"N.Y."},
	"NC": {"N.C."}, "ND": {"N.D."}, "OK": {"Okla."}, "OR": {"Ore.", "Oreg."}, "PA": {"Pa.", "Penn."},
	"RI": {"R.I."}, "SC": {"S.C."}, "SD": {"S.D."}, "TN": {"Tenn."}, "TX": {"Tex."}, "VT": {"Vt."},
	"VA": {"Va."}, "WA": {"Wash."}, "WV": {"W.Va.", "W. Va."}, "WI": {"Wis.", "Wisc."}, "WY": {"Wyo."},
}

// divisionExtra are other names of divisions, by ISO 3166-2 code.
var divisionExtra = map[string][]string{"RU-CE": {"Chechnya"}, "RU-KB": {"Kabardino-Balkaria"},
	"RU-SE": {"North Ossetia"}, "RU-IN": {"Ingushetia"}}
