#!/usr/bin/env python3
"""Build the PLACES side of the shipped dataset: data/places.csv, data/ports.csv,
data/sea_distances.csv.

Inputs (all offline):
- the curated tables below (names, ISO codes, reference points, ports, airports);
- the OWID/Ember electricity carbon-intensity file
  (shared/reference/electricity/owid-carbon-intensity-electricity_2026-04.csv, CC BY 4.0);
- the `searoute` package (Apache-2.0, Eurostat marnet network) for port-to-port sea distances.

Running it rewrites the three CSV files byte for byte; `--check` only compares.
See docs/data-places.md for every choice made here.

Coordinates: seaports are the UN/LOCODE points shipped with searoute 1.6
(`searoute/data/ports.geojson`), rounded to 4 decimals, except those marked `curated`
(read off public maps, ~1 km). Airports are those of OurAirports as packaged by
`airportsdata` (MIT), rounded to 4 decimals. Prefectures and cities are town-hall
coordinates (Wikidata/Wikipedia, rounded to 4 decimals). Country reference points are
production areas chosen by hand (see the last column of COUNTRIES), rounded to ~0.1 degree.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
OWID_CSV = Path("electricity") / "owid-carbon-intensity-electricity_2026-04.csv"
GRID_SOURCE_YEAR_MAX = 2024

# Sea-distance destinations: every non-French seaport gets a route to each of these.
HUBS = ("FRLEH", "FRFOS", "FRDKK", "FRMTX", "FRLRH", "FRBOD", "FRPVE", "NLRTM", "BEANR")
APPEND_ORIG_DEST = True  # count the port -> nearest network node legs too

EU = set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
EUROPE = set("GB CH NO IS LI AD MC SM AL BA ME MK RS MD UA BY RU TR GE AM AZ".split())
# French overseas regions and collectivities: ISO 3166-1 codes of their own, group "world".
TERRITORIES = set("MQ GP RE GF YT NC PF PM WF BL MF".split())
# Countries without a sea coast of their own (Caspian-only countries included). Those
# outside Europe name the foreign seaport their sea trade goes through.
LANDLOCKED = set(
    "AT CH CZ SK HU LU LI AD SM MK RS MD BY AM AZ KZ UZ KG MN NP LA ML BF NE TD CF ET UG RW BI"
    " MW ZM ZW BW BO PY".split()
)

# code;iso3;name_fr;name_en;aliases (|-separated);lat;lon;seaport;airport;reference point
COUNTRIES = """
FR;FRA;France;France;france metropolitaine|metropole;46.6;2.4;FRLEH;CDG;geographic centre of metropolitan France
AT;AUT;Autriche;Austria;osterreich|österreich;48.2;16.0;;VIE;Lower Austria (Niederösterreich)
BE;BEL;Belgique;Belgium;belgie|belgië|belgien;50.9;4.4;BEANR;BRU;Flemish Brabant / Brussels area
BG;BGR;Bulgarie;Bulgaria;balgariya;42.7;25.5;BGVAR;SOF;Upper Thracian plain
HR;HRV;Croatie;Croatia;hrvatska;45.5;16.5;HRRJK;ZAG;Slavonia / central Croatia
CY;CYP;Chypre;Cyprus;kypros|kibris;35.0;33.2;CYLMS;LCA;Mesaoria plain (centre)
CZ;CZE;Tchéquie;Czechia;czech republic|republique tcheque|ceska republika|česko;49.8;15.5;;PRG;geographic centre
DK;DNK;Danemark;Denmark;danmark;56.0;9.5;DKAAR;CPH;central Jutland
EE;EST;Estonie;Estonia;eesti;58.6;25.0;EETLL;TLL;geographic centre
FI;FIN;Finlande;Finland;suomi;61.5;23.8;FIHEL;HEL;south-western Finland (Pirkanmaa/Häme)
DE;DEU;Allemagne;Germany;deutschland;51.2;10.4;DEHAM;FRA;geographic centre
GR;GRC;Grèce;Greece;ellada|hellas;40.5;22.2;GRSKG;ATH;Central Macedonia (Imathia fruit area)
HU;HUN;Hongrie;Hungary;magyarorszag|magyarország;47.2;19.5;;BUD;Great Hungarian Plain
IE;IRL;Irlande;Ireland;eire|éire|republic of ireland;53.0;-7.8;IEDUB;DUB;geographic centre
IT;ITA;Italie;Italy;italia;44.5;11.3;ITGOA;MXP;Emilia-Romagna (Bologna), main fruit region
LV;LVA;Lettonie;Latvia;latvija;56.9;24.6;LVRIX;RIX;geographic centre
LT;LTU;Lituanie;Lithuania;lietuva;55.3;23.9;LTKLJ;VNO;geographic centre
LU;LUX;Luxembourg;Luxembourg;letzebuerg|luxemburg;49.61;6.13;;LUX;capital
MT;MLT;Malte;Malta;;35.9;14.4;MTMAR;MLA;island centre
NL;NLD;Pays-Bas;Netherlands;nederland|holland|hollande|the netherlands;52.0;4.3;NLRTM;AMS;Westland greenhouse area (South Holland)
PL;POL;Pologne;Poland;polska;51.87;20.87;PLGDN;WAW;Grójec apple-growing area (Masovia)
PT;PRT;Portugal;Portugal;;39.4;-8.7;PTLIS;LIS;Ribatejo / Oeste
RO;ROU;Roumanie;Romania;romania|românia;44.8;26.0;ROCND;OTP;Wallachian plain (Bărăgan)
SK;SVK;Slovaquie;Slovakia;slovensko|slovak republic;48.4;17.9;;BTS;Danubian lowland (western Slovakia)
SI;SVN;Slovénie;Slovenia;slovenija;46.1;14.8;SIKOP;LJU;geographic centre
ES;ESP;Espagne;Spain;españa|espana;37.98;-1.13;ESVLC;MAD;Murcia (between Almería greenhouses and Valencia citrus)
SE;SWE;Suède;Sweden;sverige;55.9;13.5;SEGOT;ARN;Skåne (main farming region)
GB;GBR;Royaume-Uni;United Kingdom;uk|great britain|grande bretagne|angleterre|england|britain;52.5;-1.0;GBFXT;LHR;English Midlands
CH;CHE;Suisse;Switzerland;schweiz|svizzera|suisse romande;46.8;8.2;;ZRH;geographic centre
NO;NOR;Norvège;Norway;norge|noreg;62.47;6.15;NOAES;OSL;Ålesund (Møre og Romsdal), salmon farming and fishing coast
IS;ISL;Islande;Iceland;ísland;64.13;-21.9;ISREY;KEF;capital region
LI;LIE;Liechtenstein;Liechtenstein;;47.14;9.52;;;capital
AD;AND;Andorre;Andorra;andorra;42.51;1.52;;;capital
MC;MCO;Monaco;Monaco;;43.74;7.42;FRFOS;NCE;capital; no cargo port, sea trade through Marseille-Fos
SM;SMR;Saint-Marin;San Marino;san marino;43.94;12.45;;;capital
AL;ALB;Albanie;Albania;shqiperia|shqipëria;40.9;19.6;ALDRZ;TIA;Myzeqe plain (Fier)
BA;BIH;Bosnie-Herzégovine;Bosnia and Herzegovina;bosnia|bosnie|bosna i hercegovina;44.2;17.9;HRPLE;SJJ;geographic centre; sea trade through Ploče (Croatia)
ME;MNE;Monténégro;Montenegro;crna gora;42.44;19.26;MEBAR;TGD;capital (Podgorica)
MK;MKD;Macédoine du Nord;North Macedonia;macedoine|macedonia|severna makedonija;41.6;21.7;;SKP;geographic centre
RS;SRB;Serbie;Serbia;srbija;44.0;20.9;;BEG;Šumadija (raspberry and plum area)
MD;MDA;Moldavie;Moldova;moldova|republic of moldova;47.0;28.8;;RMO;capital area
UA;UKR;Ukraine;Ukraine;ukraina;49.0;32.0;UAODS;KBP;geographic centre
BY;BLR;Biélorussie;Belarus;belarus|bielorussie;53.7;27.9;;MSQ;geographic centre
RU;RUS;Russie;Russia;rossiya|russian federation|federation de russie;45.0;39.0;RUNVS;SVO;Krasnodar Krai (main farming region)
TR;TUR;Turquie;Türkiye;turkey|turkiye;36.8;34.6;TRMER;IST;Mersin / Çukurova (citrus, vegetables)
GE;GEO;Géorgie;Georgia;sakartvelo;42.0;43.5;GEPTI;TBS;geographic centre
AM;ARM;Arménie;Armenia;hayastan;40.1;44.5;GEPTI;EVN;Ararat plain; sea trade through Poti (Georgia)
AZ;AZE;Azerbaïdjan;Azerbaijan;azerbaycan;40.4;47.5;GEPTI;GYD;Kura-Aras lowland; sea trade through Poti (Georgia)
MA;MAR;Maroc;Morocco;maghrib|al maghrib;30.4;-9.6;MAPTM;CMN;Souss-Massa (Agadir), main fruit and vegetable export region
DZ;DZA;Algérie;Algeria;al jazair|djazair;36.6;3.0;DZALG;ALG;Mitidja plain
TN;TUN;Tunisie;Tunisia;tunes|tounes;36.4;10.4;TNRAD;TUN;Cap Bon (Nabeul)
EG;EGY;Égypte;Egypt;misr|masr;30.8;31.0;EGALY;CAI;Nile Delta
LY;LBY;Libye;Libya;libiya;32.9;13.2;LYTIP;TIP;Tripoli coast
MR;MRT;Mauritanie;Mauritania;muritaniya;18.09;-15.98;MRNKC;NKC;capital
SN;SEN;Sénégal;Senegal;;15.0;-16.9;SNDKR;DSS;Niayes horticultural zone
GM;GMB;Gambie;Gambia;the gambia;13.45;-16.58;GMBJL;BJL;capital area
GN;GIN;Guinée;Guinea;guinee conakry|guinea conakry;10.0;-12.9;GNCKY;CKY;Kindia (fruit area)
GW;GNB;Guinée-Bissau;Guinea-Bissau;guine bissau;11.86;-15.6;GWOXB;OXB;capital
SL;SLE;Sierra Leone;Sierra Leone;;8.48;-13.23;SLFNA;FNA;capital
LR;LBR;Liberia;Liberia;;6.3;-10.8;LRMLW;ROB;capital
ML;MLI;Mali;Mali;;11.32;-5.67;CIABJ;BKO;Sikasso (mango area); sea trade through Abidjan
BF;BFA;Burkina Faso;Burkina Faso;burkina;11.18;-4.3;CIABJ;OUA;Bobo-Dioulasso (mango area); sea trade through Abidjan
NE;NER;Niger;Niger;;13.51;2.11;BJCOO;NIM;capital; sea trade through Cotonou
CI;CIV;Côte d'Ivoire;Côte d'Ivoire;ivory coast|cote divoire;5.9;-4.2;CIABJ;ABJ;south-east banana and pineapple area (Agboville)
GH;GHA;Ghana;Ghana;;6.7;-1.6;GHTEM;ACC;Ashanti (cocoa belt)
TG;TGO;Togo;Togo;;6.9;1.2;TGLFW;LFW;southern Togo
BJ;BEN;Bénin;Benin;;6.5;2.6;BJCOO;COO;southern Benin
NG;NGA;Nigeria;Nigeria;;9.06;7.49;NGAPP;LOS;capital region (centre)
CM;CMR;Cameroun;Cameroon;cameroon;4.58;9.66;CMDLA;DLA;Moungo banana area (Njombé)
GA;GAB;Gabon;Gabon;;0.39;9.45;GALBV;LBV;capital
CG;COG;Congo;Congo;congo brazzaville|republique du congo|republic of the congo;-4.27;15.28;CGPNR;BZV;capital
CD;COD;République démocratique du Congo;Democratic Republic of the Congo;rdc|drc|congo kinshasa|dr congo;-4.32;15.31;CDMAT;FIH;capital
AO;AGO;Angola;Angola;;-8.84;13.23;AOLAD;LAD;capital
TD;TCD;Tchad;Chad;tchad;12.11;15.04;CMDLA;NDJ;capital; sea trade through Douala
CF;CAF;République centrafricaine;Central African Republic;centrafrique|rca|car;4.39;18.56;CMDLA;BGF;capital; sea trade through Douala
SD;SDN;Soudan;Sudan;as sudan;14.4;33.5;SDPZU;KRT;Gezira scheme
ET;ETH;Éthiopie;Ethiopia;ityopya;8.75;38.98;DJJIB;ADD;Bishoftu horticulture area; sea trade through Djibouti
DJ;DJI;Djibouti;Djibouti;;11.59;43.15;DJJIB;JIB;capital
KE;KEN;Kenya;Kenya;;-0.72;36.43;KEMBA;NBO;Lake Naivasha horticulture area
UG;UGA;Ouganda;Uganda;;0.35;32.58;KEMBA;EBB;capital area; sea trade through Mombasa
TZ;TZA;Tanzanie;Tanzania;tanzania;-3.37;36.68;TZDAR;DAR;Arusha horticulture area
RW;RWA;Rwanda;Rwanda;;-1.95;30.06;TZDAR;KGL;capital; sea trade through Dar es Salaam
BI;BDI;Burundi;Burundi;;-3.38;29.36;TZDAR;BJM;Bujumbura; sea trade through Dar es Salaam
MZ;MOZ;Mozambique;Mozambique;mocambique|moçambique;-25.97;32.57;MZMPM;MPM;capital area
MW;MWI;Malawi;Malawi;;-13.96;33.77;MZBEW;LLW;capital; sea trade through Beira
ZM;ZMB;Zambie;Zambia;;-15.4;28.3;TZDAR;LUN;capital; sea trade through Dar es Salaam
ZW;ZWE;Zimbabwe;Zimbabwe;;-17.83;31.05;MZBEW;HRE;capital; sea trade through Beira
BW;BWA;Botswana;Botswana;;-24.65;25.91;ZADUR;GBE;capital; sea trade through Durban
NA;NAM;Namibie;Namibia;;-22.56;17.08;NAWVB;WDH;capital
ZA;ZAF;Afrique du Sud;South Africa;rsa|suid afrika;-33.37;19.31;ZACPT;CPT;Western Cape fruit area (Ceres valley)
MG;MDG;Madagascar;Madagascar;madagasikara;-18.15;49.4;MGTOA;TNR;east coast lychee area (Toamasina)
MU;MUS;Maurice;Mauritius;ile maurice|mauritius island;-20.25;57.55;MUPLU;MRU;island centre
CV;CPV;Cap-Vert;Cabo Verde;cape verde|cabo verde;14.93;-23.51;CVRAI;RAI;capital
IL;ISR;Israël;Israel;yisrael;31.9;34.8;ILASH;TLV;central coastal plain
PS;PSE;Palestine;Palestine;territoires palestiniens|palestinian territories|west bank|cisjordanie;31.9;35.2;ILASH;TLV;West Bank (Ramallah); trade through Ashdod and Tel Aviv
LB;LBN;Liban;Lebanon;lubnan;33.85;35.9;LBBEY;BEY;Bekaa valley
JO;JOR;Jordanie;Jordan;al urdun;32.0;35.6;JOAQJ;AMM;Jordan valley
SY;SYR;Syrie;Syria;suriya;35.52;35.78;SYLTK;DAM;Latakia coast
IQ;IRQ;Irak;Iraq;iraq;33.3;44.4;IQUQR;BGW;capital
IR;IRN;Iran;Iran;persia|perse;30.28;57.08;IRBND;IKA;Kerman (pistachios, dates)
SA;SAU;Arabie saoudite;Saudi Arabia;saudi|arabie;24.7;46.7;SAJED;RUH;capital
AE;ARE;Émirats arabes unis;United Arab Emirates;uae|eau|emirats;25.2;55.3;AEJEA;DXB;Dubai
OM;OMN;Oman;Oman;;23.6;58.4;OMSOH;MCT;Batinah coast (Muscat)
CN;CHN;Chine;China;zhongguo|prc;36.4;118.5;CNTAO;PVG;Shandong (main fruit and vegetable exporting province)
IN;IND;Inde;India;bharat;20.0;73.79;INNSA;BOM;Nashik (grapes, onions)
PK;PAK;Pakistan;Pakistan;;31.5;74.3;PKKHI;KHI;Punjab (Lahore)
BD;BGD;Bangladesh;Bangladesh;;23.8;90.4;BDCGP;DAC;capital area
LK;LKA;Sri Lanka;Sri Lanka;ceylan|ceylon;7.0;80.6;LKCMB;CMB;central highlands tea area
NP;NPL;Népal;Nepal;;27.7;85.3;INCCU;KTM;capital; sea trade through Kolkata
VN;VNM;Viêt Nam;Vietnam;viet nam|vietnam;10.03;105.78;VNSGN;SGN;Mekong delta (Cần Thơ)
TH;THA;Thaïlande;Thailand;prathet thai;14.0;100.6;THLCH;BKK;central plain
MY;MYS;Malaisie;Malaysia;;3.0;101.5;MYPKG;KUL;Selangor
ID;IDN;Indonésie;Indonesia;;-7.2;110.4;IDTPP;CGK;central Java
PH;PHL;Philippines;Philippines;pilipinas;7.07;125.6;PHDVO;MNL;Davao (banana area, Mindanao)
KH;KHM;Cambodge;Cambodia;kampuchea;11.55;104.92;KHKOS;KTI;capital area
MM;MMR;Birmanie;Myanmar;burma|myanmar;16.8;96.15;MMRGN;RGN;Yangon / Ayeyarwady delta
LA;LAO;Laos;Laos;lao;17.97;102.6;THLCH;VTE;capital; sea trade through Laem Chabang
JP;JPN;Japon;Japan;nihon|nippon;36.2;138.3;JPTYO;NRT;geographic centre
KR;KOR;Corée du Sud;South Korea;korea|republic of korea|coree;36.5;127.8;KRPUS;ICN;geographic centre
TW;TWN;Taïwan;Taiwan;;23.7;120.9;TWKHH;TPE;geographic centre
SG;SGP;Singapour;Singapore;;1.35;103.82;SGSIN;SIN;city-state
KZ;KAZ;Kazakhstan;Kazakhstan;qazaqstan;51.16;71.43;GEPTI;ALA;northern grain belt (Astana); trade over the Caspian and Poti
UZ;UZB;Ouzbékistan;Uzbekistan;ozbekiston;41.3;69.25;GEPTI;TAS;Tashkent; trade over the Caspian and Poti
KG;KGZ;Kirghizistan;Kyrgyzstan;kyrgyzstan|kirghizie;42.87;74.6;GEPTI;BSZ;capital; trade over the Caspian and Poti
MN;MNG;Mongolie;Mongolia;mongol uls;47.92;106.92;CNTSN;UBN;capital; sea trade through Tianjin
US;USA;États-Unis;United States;usa|etats unis|united states of america;36.7;-119.8;USOAK;LAX;California Central Valley (Fresno)
CA;CAN;Canada;Canada;;46.8;-71.2;CAMTR;YUL;Quebec (St Lawrence valley)
MX;MEX;Mexique;Mexico;mexico|méxico;19.42;-102.06;MXVER;MEX;Michoacán avocado area (Uruapan)
GT;GTM;Guatemala;Guatemala;;14.6;-90.5;GTSTC;GUA;capital area
HN;HND;Honduras;Honduras;;15.5;-88.0;HNPCR;SAP;Sula valley (bananas)
NI;NIC;Nicaragua;Nicaragua;;12.13;-86.25;NICIO;MGA;capital area
SV;SLV;Salvador;El Salvador;el salvador;13.7;-89.2;SVAQJ;SAL;capital area
CR;CRI;Costa Rica;Costa Rica;;10.3;-83.8;CRLIO;SJO;Caribbean lowlands banana and pineapple area (Guápiles)
PA;PAN;Panama;Panama;panamá;9.0;-79.5;PAMIT;PTY;capital area
BZ;BLZ;Belize;Belize;;17.25;-88.77;BZBZE;BZE;capital area
CU;CUB;Cuba;Cuba;;23.1;-82.4;CUMAR;HAV;Havana area
DO;DOM;République dominicaine;Dominican Republic;republica dominicana|rep dominicaine;19.45;-70.7;DOCAU;SDQ;Cibao valley (Santiago)
HT;HTI;Haïti;Haiti;ayiti;18.54;-72.34;HTPAP;PAP;capital area
JM;JAM;Jamaïque;Jamaica;;18.0;-76.8;JMKIN;KIN;capital area
TT;TTO;Trinité-et-Tobago;Trinidad and Tobago;trinidad;10.65;-61.5;TTPOS;POS;capital area
CO;COL;Colombie;Colombia;;7.88;-76.63;COTRB;BOG;Urabá banana area (Apartadó)
VE;VEN;Venezuela;Venezuela;;10.5;-66.9;VEPBL;CCS;capital area
EC;ECU;Équateur;Ecuador;ecuador;-2.13;-79.59;ECGYE;GYE;Guayas banana belt (Milagro)
PE;PER;Pérou;Peru;peru|perú;-14.07;-75.73;PECLL;LIM;Ica valley (grapes, asparagus, avocados)
BO;BOL;Bolivie;Bolivia;;-17.8;-63.2;CLARI;VVI;Santa Cruz lowlands; sea trade through Arica (Chile)
CL;CHL;Chili;Chile;;-34.17;-70.74;CLSAI;SCL;O'Higgins central valley (Rancagua)
AR;ARG;Argentine;Argentina;argentina|republica argentina;-38.9;-68.0;ARBUE;EZE;Río Negro upper valley (apples, pears)
UY;URY;Uruguay;Uruguay;;-33.0;-56.0;UYMVD;MVD;geographic centre
PY;PRY;Paraguay;Paraguay;;-25.3;-57.6;UYMVD;ASU;capital area; sea trade through Montevideo
BR;BRA;Brésil;Brazil;brasil;-21.8;-48.2;BRSSZ;GRU;São Paulo state interior (oranges, coffee, sugar)
GY;GUY;Guyana;Guyana;;6.8;-58.16;GYGEO;GEO;capital area
SR;SUR;Suriname;Suriname;surinam;5.85;-55.2;SRPBM;PBM;capital area
AU;AUS;Australie;Australia;;-34.3;146.0;AUMEL;MEL;Riverina (Murray-Darling basin)
NZ;NZL;Nouvelle-Zélande;New Zealand;aotearoa;-37.7;176.2;NZTRG;AKL;Bay of Plenty (kiwifruit)
FJ;FJI;Fidji;Fiji;;-18.14;178.44;FJSUV;NAN;capital area
PG;PNG;Papouasie-Nouvelle-Guinée;Papua New Guinea;png;-9.44;147.18;PGPOM;POM;capital area
MQ;MTQ;Martinique;Martinique;;14.7;-61.0;MQFDF;FDF;centre of the island (banana areas in the north-east)
GP;GLP;Guadeloupe;Guadeloupe;;16.05;-61.67;GPPTP;PTP;Basse-Terre banana area
RE;REU;La Réunion;Réunion;reunion|ile de la reunion;-21.1;55.5;REPDG;RUN;island centre
GF;GUF;Guyane;French Guiana;guyane francaise;4.94;-52.33;GFDDC;CAY;Cayenne
YT;MYT;Mayotte;Mayotte;;-12.78;45.23;YTLON;DZA;Mamoudzou
NC;NCL;Nouvelle-Calédonie;New Caledonia;kanaky;-22.27;166.45;NCNOU;NOU;Nouméa
PF;PYF;Polynésie française;French Polynesia;tahiti;-17.53;-149.57;PFPPT;PPT;Papeete (Tahiti)
PM;SPM;Saint-Pierre-et-Miquelon;Saint Pierre and Miquelon;;46.78;-56.18;PMFSP;FSP;Saint-Pierre
WF;WLF;Wallis-et-Futuna;Wallis and Futuna;wallis;-13.28;-176.17;WFMAU;WLS;Mata-Utu
BL;BLM;Saint-Barthélemy;Saint Barthélemy;st barth|saint barth;17.9;-62.85;BLGUS;SBH;Gustavia
MF;MAF;Saint-Martin;Saint Martin;saint martin partie francaise;18.07;-63.08;MFMGT;SFG;Marigot
"""

# code;kind;name;country;lat;lon  (sea = UN/LOCODE, air = IATA)
PORTS = """
FRLEH;sea;Le Havre;FR;49.4860;0.1071
FRFOS;sea;Marseille-Fos (Fos-sur-Mer);FR;43.4130;4.8877
FRAJA;sea;Ajaccio;FR;41.9217;8.7402
FRBIA;sea;Bastia;FR;42.6996;9.4531
FRDKK;sea;Dunkerque;FR;51.0448;2.3761
FRMTX;sea;Nantes Saint-Nazaire (Montoir-de-Bretagne);FR;47.3019;-2.1396
FRLRH;sea;La Rochelle-La Pallice;FR;46.1614;-1.1660
FRBOD;sea;Bordeaux;FR;44.8333;-0.5667
FRPVE;sea;Port-Vendres;FR;42.5180;3.1100
ESVLC;sea;Valencia;ES;39.4511;-0.3303
ESALG;sea;Algeciras;ES;36.1411;-5.4381
ESSCT;sea;Santa Cruz de Tenerife;ES;28.4841;-16.2488
PTLIS;sea;Lisboa;PT;38.7145;-9.1614
ITGOA;sea;Genova;IT;44.4147;8.9153
DEHAM;sea;Hamburg;DE;53.5477;9.9694
NLRTM;sea;Rotterdam;NL;51.9044;4.4424
BEANR;sea;Antwerpen;BE;51.2024;4.3829
GBFXT;sea;Felixstowe;GB;51.9579;1.3445
IEDUB;sea;Dublin;IE;53.3434;-6.2267
DKAAR;sea;Aarhus;DK;56.1562;10.2135
SEGOT;sea;Göteborg;SE;57.7188;11.9847
FIHEL;sea;Helsinki;FI;60.1660;24.9526
NOAES;sea;Ålesund;NO;62.4126;6.1826
ISREY;sea;Reykjavík;IS;64.1280;-21.9514
PLGDN;sea;Gdańsk;PL;54.3992;18.6675
SIKOP;sea;Koper;SI;45.5487;13.7345
HRRJK;sea;Rijeka;HR;45.3251;14.4484
HRPLE;sea;Ploče;HR;43.0444;17.4125
ROCND;sea;Constanța;RO;44.1716;28.6643
BGVAR;sea;Varna;BG;43.2065;27.9217
GRSKG;sea;Thessaloniki;GR;40.6385;22.9084
GRPIR;sea;Piraeus;GR;37.9503;23.6381
CYLMS;sea;Limassol;CY;34.6667;33.0333
MTMAR;sea;Marsaxlokk;MT;35.8167;14.5333
EETLL;sea;Tallinn;EE;59.4454;24.7783
LVRIX;sea;Riga;LV;56.9456;24.1061
LTKLJ;sea;Klaipėda;LT;55.7036;21.1260
ALDRZ;sea;Durrës;AL;41.3187;19.4488
MEBAR;sea;Bar;ME;42.0997;19.0746
UAODS;sea;Odesa;UA;46.5000;30.7308
RUNVS;sea;Novorossiysk;RU;44.7416;37.7820
TRMER;sea;Mersin;TR;36.7932;34.6167
GEPTI;sea;Poti;GE;42.1781;41.6720
MAPTM;sea;Tanger Med;MA;35.8860;-5.5000
MACAS;sea;Casablanca;MA;33.5785;-7.6245
MAAGA;sea;Agadir;MA;30.4356;-9.5564
DZALG;sea;Alger;DZ;36.7860;3.0650
TNRAD;sea;Radès;TN;36.7754;10.2888
EGALY;sea;Alexandria;EG;31.1991;29.8955
LYTIP;sea;Tripoli;LY;32.8931;13.1916
MRNKC;sea;Nouakchott;MR;18.0438;-16.0004
SNDKR;sea;Dakar;SN;14.6824;-17.4408
GMBJL;sea;Banjul;GM;13.4500;-16.5667
GNCKY;sea;Conakry;GN;9.5106;-13.7153
GWOXB;sea;Bissau;GW;11.8666;-15.5978
SLFNA;sea;Freetown;SL;8.4891;-13.2048
LRMLW;sea;Monrovia;LR;6.3029;-10.7941
CIABJ;sea;Abidjan;CI;5.2562;-3.9780
GHTEM;sea;Tema;GH;5.6333;0.0167
TGLFW;sea;Lomé;TG;6.1169;1.2101
BJCOO;sea;Cotonou;BJ;6.3500;2.4333
NGAPP;sea;Lagos-Apapa;NG;6.4486;3.3924
CMDLA;sea;Douala;CM;4.0473;9.6955
GALBV;sea;Libreville (Owendo);GA;0.2885;9.5008
CGPNR;sea;Pointe-Noire;CG;-4.7012;11.8194
CDMAT;sea;Matadi;CD;-5.8262;13.4692
AOLAD;sea;Luanda;AO;-8.8082;13.2550
SDPZU;sea;Port Sudan;SD;19.6114;37.2258
DJJIB;sea;Djibouti;DJ;11.5462;43.0782
KEMBA;sea;Mombasa;KE;-4.0678;39.6665
TZDAR;sea;Dar es Salaam;TZ;-6.7826;39.2845
MZMPM;sea;Maputo;MZ;-25.9667;32.5667
MZBEW;sea;Beira;MZ;-19.8333;34.8354
NAWVB;sea;Walvis Bay;NA;-22.9503;14.5006
ZACPT;sea;Cape Town;ZA;-33.9457;18.4310
ZADUR;sea;Durban;ZA;-29.8667;31.0167
MGTOA;sea;Toamasina;MG;-18.1604;49.4112
MUPLU;sea;Port Louis;MU;-20.1436;57.5163
CVRAI;sea;Praia;CV;14.9186;-23.5167
ILASH;sea;Ashdod;IL;31.8167;34.6663
LBBEY;sea;Beirut;LB;33.8909;35.4863
JOAQJ;sea;Aqaba;JO;29.5353;35.0052
SYLTK;sea;Latakia;SY;35.5234;35.7749
IQUQR;sea;Umm Qasr;IQ;30.0167;47.9500
IRBND;sea;Bandar Abbas;IR;27.1833;56.2833
SAJED;sea;Jeddah;SA;21.4922;39.1886
AEJEA;sea;Jebel Ali (Dubai);AE;25.0195;55.0518
OMSOH;sea;Sohar;OM;24.3333;56.7500
CNTAO;sea;Qingdao;CN;36.0650;120.3853
CNSHA;sea;Shanghai;CN;31.4001;121.4971
CNTSN;sea;Tianjin;CN;38.9868;117.7449
INNSA;sea;Nhava Sheva (Mumbai);IN;18.9500;72.9667
INCCU;sea;Kolkata;IN;22.5676;88.3433
PKKHI;sea;Karachi;PK;24.8765;66.9337
BDCGP;sea;Chittagong;BD;22.3310;91.8384
LKCMB;sea;Colombo;LK;6.9308;79.8486
VNSGN;sea;Ho Chi Minh City;VN;10.8262;106.7530
THLCH;sea;Laem Chabang;TH;13.0833;100.8833
MYPKG;sea;Port Klang;MY;3.0034;101.3826
IDTPP;sea;Jakarta (Tanjung Priok);ID;-6.1010;106.8910
PHDVO;sea;Davao;PH;7.0667;125.6333
KHKOS;sea;Sihanoukville;KH;10.6333;103.5000
MMRGN;sea;Yangon;MM;16.7746;96.1677
JPTYO;sea;Tokyo;JP;35.6492;139.7916
KRPUS;sea;Busan;KR;35.0982;129.0358
TWKHH;sea;Kaohsiung;TW;22.6420;120.2720
SGSIN;sea;Singapore;SG;1.2392;103.8325
USOAK;sea;Oakland;US;37.8314;-122.2921
USNYC;sea;New York-New Jersey;US;40.7055;-74.0177
USSAV;sea;Savannah;US;32.0866;-81.0997
USSEA;sea;Seattle;US;47.6000;-122.3333
USMSY;sea;New Orleans;US;29.9500;-90.0631
CAMTR;sea;Montréal;CA;45.5142;-73.5593
CAHAL;sea;Halifax;CA;44.6258;-63.5739
MXVER;sea;Veracruz;MX;19.2000;-96.1333
GTSTC;sea;Santo Tomás de Castilla;GT;15.6926;-88.6295
HNPCR;sea;Puerto Cortés;HN;15.8605;-87.9483
NICIO;sea;Corinto;NI;12.5380;-87.1902
SVAQJ;sea;Acajutla;SV;13.5699;-89.8304
CRLIO;sea;Puerto Limón-Moín;CR;10.0046;-83.0768
PAMIT;sea;Manzanillo (Colón);PA;9.6116;-79.6021
BZBZE;sea;Belize City;BZ;17.5039;-88.1900
CUMAR;sea;Mariel;CU;23.0205;-82.7708
DOCAU;sea;Caucedo;DO;18.4290;-69.6766
HTPAP;sea;Port-au-Prince;HT;18.5383;-72.3422
JMKIN;sea;Kingston;JM;17.9899;-76.8265
TTPOS;sea;Port of Spain;TT;10.6552;-61.5193
COTRB;sea;Turbo (Urabá);CO;8.0734;-76.8773
COSMR;sea;Santa Marta;CO;11.2366;-74.2154
VEPBL;sea;Puerto Cabello;VE;10.4786;-68.0084
ECGYE;sea;Guayaquil;EC;-2.2405;-79.8816
PECLL;sea;Callao;PE;-12.0537;-77.1213
CLARI;sea;Arica;CL;-18.4903;-70.3180
CLSAI;sea;San Antonio;CL;-33.5673;-71.6086
CLVAP;sea;Valparaíso;CL;-33.0504;-71.6391
ARBUE;sea;Buenos Aires;AR;-34.5946;-58.3667
ARSAE;sea;San Antonio Este;AR;-40.8167;-64.8561
UYMVD;sea;Montevideo;UY;-34.9068;-56.1961
BRSSZ;sea;Santos;BR;-23.9738;-46.3208
GYGEO;sea;Georgetown;GY;6.8153;-58.1543
SRPBM;sea;Paramaribo;SR;5.8806;-55.2146
AUMEL;sea;Melbourne;AU;-37.8397;144.9442
NZTRG;sea;Tauranga;NZ;-37.7022;176.2053
FJSUV;sea;Suva;FJ;-18.1167;178.4167
PGPOM;sea;Port Moresby;PG;-9.4350;147.1454
MQFDF;sea;Fort-de-France;MQ;14.6000;-61.1000
GPPTP;sea;Pointe-à-Pitre (Jarry);GP;16.2333;-61.5333
REPDG;sea;Port Réunion (Pointe des Galets);RE;-20.9167;55.3000
GFDDC;sea;Dégrad des Cannes;GF;4.8667;-52.2667
YTLON;sea;Longoni;YT;-12.7255;45.1596
NCNOU;sea;Nouméa;NC;-22.3046;166.4319
PFPPT;sea;Papeete;PF;-17.5333;-149.5667
PMFSP;sea;Saint-Pierre;PM;46.8167;-56.1667
WFMAU;sea;Mata-Utu;WF;-13.2820;-176.1740
BLGUS;sea;Gustavia;BL;17.8970;-62.8510
MFMGT;sea;Marigot;MF;18.0690;-63.0850
CDG;air;Charles de Gaulle International Airport;FR;49.0128;2.5500
LYS;air;Lyon Saint-Exupery Airport;FR;45.7264;5.0908
MRS;air;Marseille Provence Airport;FR;43.4393;5.2214
NCE;air;Nice-Cote d'Azur Airport;FR;43.6584;7.2159
MAD;air;Madrid Barajas International Airport;ES;40.4936;-3.5668
BCN;air;Barcelona International Airport;ES;41.2971;2.0785
LIS;air;Lisbon Portela Airport;PT;38.7813;-9.1359
MXP;air;Malpensa International Airport;IT;45.6306;8.7281
FCO;air;Leonardo Da Vinci (Fiumicino) International Airport;IT;41.8045;12.2508
FRA;air;Frankfurt am Main International Airport;DE;50.0264;8.5431
MUC;air;Munich International Airport;DE;48.3538;11.7861
AMS;air;Amsterdam Airport Schiphol;NL;52.3086;4.7639
BRU;air;Brussels Airport;BE;50.5405;4.2904
LUX;air;Luxembourg-Findel International Airport;LU;49.3724;6.1216
VIE;air;Vienna International Airport;AT;48.1103;16.5697
ZRH;air;Zurich Airport;CH;47.4647;8.5492
LHR;air;London Heathrow Airport;GB;51.4706;-0.4619
DUB;air;Dublin Airport;IE;53.4213;-6.2701
CPH;air;Copenhagen Kastrup Airport;DK;55.6179;12.6560
ARN;air;Stockholm-Arlanda Airport;SE;59.6519;17.9186
HEL;air;Helsinki Vantaa Airport;FI;60.3172;24.9633
OSL;air;Oslo Gardermoen Airport;NO;60.1939;11.1004
KEF;air;Keflavik International Airport;IS;63.9850;-22.6056
WAW;air;Warsaw Chopin Airport;PL;52.1657;20.9671
PRG;air;Václav Havel Airport;CZ;50.1008;14.2600
BTS;air;M. R. Stefanik Airport;SK;48.1702;17.2127
BUD;air;Budapest Ferenc Liszt International Airport;HU;47.4369;19.2556
LJU;air;Ljubljana Joze Pucnik Airport;SI;46.2237;14.4576
ZAG;air;Zagreb Airport;HR;45.7429;16.0688
OTP;air;Henri Coanda International Airport;RO;44.5722;26.1022
SOF;air;Sofia Airport;BG;42.6967;23.4114
ATH;air;Eleftherios Venizelos International Airport;GR;37.9364;23.9445
LCA;air;Larnaca International Airport;CY;34.8751;33.6249
MLA;air;Luqa Airport;MT;35.8575;14.4775
TLL;air;Tallinn Airport;EE;59.4133;24.8328
RIX;air;Riga International Airport;LV;56.9236;23.9711
VNO;air;Vilnius International Airport;LT;54.6341;25.2858
TIA;air;Tirana International Airport Mother Teresa;AL;41.4147;19.7206
TGD;air;Podgorica Airport;ME;42.3594;19.2519
SKP;air;Skopje International Airport;MK;41.9616;21.6214
BEG;air;Belgrade Nikola Tesla Airport;RS;44.8184;20.3091
RMO;air;Chișinău International Airport;MD;46.9277;28.9310
KBP;air;Boryspil International Airport;UA;50.3450;30.8947
MSQ;air;Minsk International Airport;BY;53.8825;28.0307
SVO;air;Sheremetyevo International Airport;RU;55.9726;37.4146
IST;air;Istanbul Airport;TR;41.2753;28.7520
TBS;air;Tbilisi International Airport;GE;41.6692;44.9547
EVN;air;Zvartnots International Airport;AM;40.1473;44.3959
GYD;air;Heydar Aliyev International Airport;AZ;40.4675;50.0467
CMN;air;Mohammed V International Airport;MA;33.3675;-7.5900
AGA;air;Al Massira Airport;MA;30.3250;-9.4131
ALG;air;Houari Boumediene Airport;DZ;36.6910;3.2154
TUN;air;Tunis Carthage International Airport;TN;36.8510;10.2272
CAI;air;Cairo International Airport;EG;30.1219;31.4056
TIP;air;Tripoli International Airport;LY;32.6635;13.1590
NKC;air;Nouakchott International Airport;MR;18.0982;-15.9485
DSS;air;Blaise Diagne International Airport;SN;14.6711;-17.0669
BJL;air;Banjul International Airport;GM;13.3380;-16.6522
CKY;air;Conakry Airport;GN;9.5769;-13.6120
OXB;air;Osvaldo Vieira International Airport;GW;11.8948;-15.6537
FNA;air;Lungi International Airport;SL;8.6164;-13.1955
ROB;air;Roberts International Airport;LR;6.2338;-10.3623
BKO;air;Senou Airport;ML;12.5335;-7.9499
OUA;air;Ouagadougou Airport;BF;12.3532;-1.5124
NIM;air;Diori Hamani International Airport;NE;13.4815;2.1836
ABJ;air;Port Bouet Airport;CI;5.2614;-3.9263
ACC;air;Kotoka International Airport;GH;5.6052;-0.1668
LFW;air;Lome-Tokoin Airport;TG;6.1656;1.2545
COO;air;Cadjehoun Airport;BJ;6.3572;2.3843
LOS;air;Murtala Muhammed International Airport;NG;6.5774;3.3212
DLA;air;Douala International Airport;CM;4.0061;9.7195
LBV;air;Leon M Ba Airport;GA;0.4586;9.4123
BZV;air;Maya-Maya Airport;CG;-4.2517;15.2530
FIH;air;Ndjili International Airport;CD;-4.3857;15.4446
LAD;air;Quatro De Fevereiro Airport;AO;-8.8584;13.2312
NDJ;air;N'Djamena International Airport;TD;12.1337;15.0340
BGF;air;Bangui M'Poko International Airport;CF;4.3985;18.5188
KRT;air;Khartoum International Airport;SD;15.5903;32.5530
ADD;air;Bole International Airport;ET;8.9779;38.7993
JIB;air;Djibouti-Ambouli Airport;DJ;11.5473;43.1595
NBO;air;Jomo Kenyatta International Airport;KE;-1.3192;36.9278
EBB;air;Entebbe International Airport;UG;0.0424;32.4435
DAR;air;Mwalimu Julius K. Nyerere International Airport;TZ;-6.8781;39.2026
KGL;air;Kigali International Airport;RW;-1.9686;30.1395
BJM;air;Bujumbura International Airport;BI;-3.3240;29.3185
MPM;air;Maputo Airport;MZ;-25.9208;32.5726
LLW;air;Lilongwe International Airport;MW;-13.7894;33.7810
LUN;air;Kenneth Kaunda International Airport;ZM;-15.3308;28.4526
HRE;air;Harare International Airport;ZW;-17.9318;31.0928
GBE;air;Sir Seretse Khama International Airport;BW;-24.5552;25.9182
WDH;air;Hosea Kutako International Airport;NA;-22.4799;17.4709
CPT;air;Cape Town International Airport;ZA;-33.9648;18.6017
JNB;air;O. R. Tambo International Airport;ZA;-26.1337;28.2423
TNR;air;Ivato Airport;MG;-18.7969;47.4788
MRU;air;Sir Seewoosagur Ramgoolam International Airport;MU;-20.4302;57.6836
RAI;air;Praia International Airport;CV;14.9245;-23.4935
TLV;air;Ben Gurion International Airport;IL;32.0114;34.8867
BEY;air;Beirut Rafic Hariri International Airport;LB;33.8209;35.4884
AMM;air;Queen Alia International Airport;JO;31.7226;35.9932
DAM;air;Damascus International Airport;SY;33.4115;36.5156
BGW;air;Baghdad International Airport;IQ;33.2625;44.2346
IKA;air;Imam Khomeini International Airport;IR;35.4161;51.1522
RUH;air;King Khaled International Airport;SA;24.9576;46.6988
DXB;air;Dubai International Airport;AE;25.2528;55.3644
MCT;air;Muscat International Airport;OM;23.5933;58.2844
PVG;air;Shanghai Pudong International Airport;CN;31.1434;121.8050
PEK;air;Beijing Capital International Airport;CN;40.0801;116.5850
BOM;air;Chhatrapati Shivaji International Airport;IN;19.0887;72.8679
DEL;air;Indira Gandhi International Airport;IN;28.5665;77.1031
KHI;air;Jinnah International Airport;PK;24.9065;67.1608
DAC;air;Dhaka / Hazrat Shahjalal International Airport;BD;23.8434;90.3978
CMB;air;Bandaranaike International Apt Colombo Airport;LK;7.1808;79.8841
KTM;air;Tribhuvan International Airport;NP;27.6966;85.3591
SGN;air;Tan Son Nhat International Airport;VN;10.8188;106.6520
BKK;air;Suvarnabhumi Airport;TH;13.6811;100.7470
KUL;air;Kuala Lumpur International Airport;MY;2.7456;101.7100
CGK;air;Soekarno-Hatta International Airport;ID;-6.1256;106.6560
MNL;air;Ninoy Aquino International Airport;PH;14.5086;121.0200
KTI;air;Techo International Airport;KH;11.3629;104.9166
SJJ;air;Sarajevo International Airport;BA;43.8246;18.3315
RGN;air;Yangon International Airport;MM;16.9073;96.1332
VTE;air;Wattay International Airport;LA;17.9883;102.5630
NRT;air;Narita International Airport;JP;35.7647;140.3860
ICN;air;Incheon International Airport;KR;37.4691;126.4510
TPE;air;Taiwan Taoyuan International Airport;TW;25.0777;121.2330
SIN;air;Singapore Changi International Airport;SG;1.3502;103.9940
ALA;air;Almaty International Airport;KZ;43.3521;77.0405
TAS;air;Tashkent International Airport;UZ;41.2579;69.2812
BSZ;air;Manas International Airport;KG;43.0613;74.4776
UBN;air;Chinggis Khaan International Airport;MN;47.6467;106.8200
LAX;air;Los Angeles International Airport;US;33.9425;-118.4080
JFK;air;John F Kennedy International Airport;US;40.6399;-73.7787
ORD;air;Chicago O'Hare International Airport;US;41.9769;-87.9082
MIA;air;Miami International Airport;US;25.7954;-80.2901
YUL;air;Montréal-Pierre Elliott Trudeau International Airport;CA;45.4706;-73.7408
YYZ;air;Toronto Pearson International Airport;CA;43.6772;-79.6306
MEX;air;Licenciado Benito Juarez International Airport;MX;19.4363;-99.0721
GUA;air;La Aurora Airport;GT;14.5833;-90.5275
SAP;air;Ramon Villeda Morales International Airport;HN;15.4526;-87.9236
MGA;air;Augusto C. Sandino (Managua) International Airport;NI;12.1415;-86.1682
SAL;air;El Salvador International Airport;SV;13.4409;-89.0557
SJO;air;Juan Santamaria International Airport;CR;9.9939;-84.2088
PTY;air;Tocumen International Airport;PA;9.0714;-79.3835
BZE;air;Philip S. W. Goldson International Airport;BZ;17.5391;-88.3082
HAV;air;Jose Marti International Airport;CU;22.9892;-82.4091
SDQ;air;Las Americas International Airport;DO;18.4297;-69.6689
PAP;air;Toussaint Louverture International Airport;HT;18.5800;-72.2925
KIN;air;Norman Manley International Airport;JM;17.9357;-76.7875
POS;air;Piarco International Airport;TT;10.5954;-61.3372
BOG;air;El Dorado International Airport;CO;4.7016;-74.1469
CCS;air;Maiquetia (Simon Bolivar Internacional) Airport;VE;10.6031;-66.9906
GYE;air;Simon Bolivar International Airport;EC;-2.1574;-79.8836
UIO;air;Nuevo Aeropuerto Internacional Mariscal Sucre;EC;-0.1292;-78.3575
LIM;air;Jorge Chavez International Airport;PE;-12.0219;-77.1143
VVI;air;Viru Viru International Airport;BO;-17.6448;-63.1354
SCL;air;Comodoro Arturo Merino Benitez International Airport;CL;-33.3930;-70.7858
EZE;air;Ministro Pistarini International Airport;AR;-34.8222;-58.5358
MVD;air;Carrasco International /General C L Berisso Airport;UY;-34.8384;-56.0308
ASU;air;Silvio Pettirossi International Airport;PY;-25.2400;-57.5200
GRU;air;Guarulhos - Governador Andre Franco Montoro International Airport;BR;-23.4356;-46.4731
GEO;air;Cheddi Jagan International Airport;GY;6.4985;-58.2541
PBM;air;Johan Adolf Pengel International Airport;SR;5.4528;-55.1878
MEL;air;Melbourne International Airport;AU;-37.6733;144.8430
SYD;air;Sydney Kingsford Smith International Airport;AU;-33.9461;151.1770
AKL;air;Auckland International Airport;NZ;-37.0081;174.7920
NAN;air;Nadi International Airport;FJ;-17.7554;177.4430
POM;air;Port Moresby Jacksons International Airport;PG;-9.4434;147.2200
FDF;air;Martinique Aime Cesaire International Airport;MQ;14.5910;-61.0032
PTP;air;Pointe-a-Pitre Le Raizet;GP;16.2653;-61.5318
RUN;air;Roland Garros Airport;RE;-20.8871;55.5103
CAY;air;Cayenne-Rochambeau Airport;GF;4.8198;-52.3604
DZA;air;Dzaoudzi Pamandzi International Airport;YT;-12.8047;45.2811
NOU;air;La Tontouta International Airport;NC;-22.0146;166.2130
PPT;air;Faa'a International Airport;PF;-17.5537;-149.6070
FSP;air;St Pierre Airport;PM;46.7629;-56.1731
WLS;air;Hihifo Airport;WF;-13.2383;-176.1990
SBH;air;Gustaf III Airport;BL;17.9044;-62.8436
SFG;air;L'Esperance Airport;MF;18.0999;-63.0472
"""

# region code;name_fr;name_en;aliases;lat;lon;chef-lieu (reference point = rough geographic centre)
REGIONS = """
FR-ARA;Auvergne-Rhône-Alpes;Auvergne-Rhône-Alpes;ara|auvergne|rhone alpes;45.45;4.45;Lyon
FR-BFC;Bourgogne-Franche-Comté;Burgundy-Franche-Comté;bfc|bourgogne|burgundy|franche comte;47.2;4.8;Dijon
FR-BRE;Bretagne;Brittany;bre|bretagne|brittany|breizh;48.2;-2.9;Rennes
FR-CVL;Centre-Val de Loire;Centre-Val de Loire;cvl|centre|val de loire;47.5;1.7;Orléans
FR-20R;Corse;Corsica;cor|corsica|corse region;42.15;9.1;Ajaccio
FR-GES;Grand Est;Grand Est;ges|grand est|alsace|lorraine|champagne ardenne;48.7;5.6;Strasbourg
FR-HDF;Hauts-de-France;Hauts-de-France;hdf|nord pas de calais|picardie;49.95;2.8;Lille
FR-IDF;Île-de-France;Île-de-France;idf|ile de france|region parisienne;48.71;2.5;Paris
FR-NOR;Normandie;Normandy;normandy;49.1;0.1;Rouen
FR-NAQ;Nouvelle-Aquitaine;Nouvelle-Aquitaine;naq|aquitaine|poitou charentes|limousin;45.2;0.2;Bordeaux
FR-OCC;Occitanie;Occitania;occ|occitania|languedoc roussillon|midi pyrenees;43.7;2.1;Toulouse
FR-PDL;Pays de la Loire;Pays de la Loire;pdl|pays de loire;47.5;-0.8;Nantes
FR-PAC;Provence-Alpes-Côte d'Azur;Provence-Alpes-Côte d'Azur;paca|provence|cote d azur|region sud;43.95;6.05;Marseille
FR-GP;Guadeloupe (région);Guadeloupe (region);region guadeloupe;16.05;-61.67;Basse-Terre
FR-MQ;Martinique (collectivité territoriale);Martinique (region);region martinique|collectivite territoriale de martinique;14.7;-61.0;Fort-de-France
FR-GF;Guyane (collectivité territoriale);French Guiana (region);region guyane|collectivite territoriale de guyane;4.94;-52.33;Cayenne
FR-RE;La Réunion (région);Réunion (region);region reunion;-21.1;55.5;Saint-Denis
FR-YT;Mayotte (département-région);Mayotte (region);region mayotte;-12.78;45.23;Mamoudzou
"""

# number;name;prefecture;lat;lon (prefecture town hall);region (ISO suffix, or territory code)
DEPARTMENTS = """
01;Ain;Bourg-en-Bresse;46.2052;5.2255;ARA
02;Aisne;Laon;49.5641;3.6199;HDF
03;Allier;Moulins;46.5660;3.3330;ARA
04;Alpes-de-Haute-Provence;Digne-les-Bains;44.0925;6.2356;PAC
05;Hautes-Alpes;Gap;44.5594;6.0786;PAC
06;Alpes-Maritimes;Nice;43.7102;7.2620;PAC
07;Ardèche;Privas;44.7353;4.5992;ARA
08;Ardennes;Charleville-Mézières;49.7620;4.7263;GES
09;Ariège;Foix;42.9653;1.6071;OCC
10;Aube;Troyes;48.2973;4.0744;GES
11;Aude;Carcassonne;43.2130;2.3491;OCC
12;Aveyron;Rodez;44.3506;2.5750;OCC
13;Bouches-du-Rhône;Marseille;43.2965;5.3698;PAC
14;Calvados;Caen;49.1829;-0.3707;NOR
15;Cantal;Aurillac;44.9264;2.4396;ARA
16;Charente;Angoulême;45.6484;0.1562;NAQ
17;Charente-Maritime;La Rochelle;46.1603;-1.1511;NAQ
18;Cher;Bourges;47.0810;2.3988;CVL
19;Corrèze;Tulle;45.2672;1.7707;NAQ
2A;Corse-du-Sud;Ajaccio;41.9192;8.7386;20R
2B;Haute-Corse;Bastia;42.6977;9.4508;20R
21;Côte-d'Or;Dijon;47.3220;5.0415;BFC
22;Côtes-d'Armor;Saint-Brieuc;48.5141;-2.7603;BRE
23;Creuse;Guéret;46.1716;1.8716;NAQ
24;Dordogne;Périgueux;45.1846;0.7214;NAQ
25;Doubs;Besançon;47.2378;6.0241;BFC
26;Drôme;Valence;44.9334;4.8924;ARA
27;Eure;Évreux;49.0241;1.1508;NOR
28;Eure-et-Loir;Chartres;48.4439;1.4890;CVL
29;Finistère;Quimper;47.9960;-4.1024;BRE
30;Gard;Nîmes;43.8367;4.3601;OCC
31;Haute-Garonne;Toulouse;43.6047;1.4442;OCC
32;Gers;Auch;43.6465;0.5855;OCC
33;Gironde;Bordeaux;44.8378;-0.5792;NAQ
34;Hérault;Montpellier;43.6108;3.8767;OCC
35;Ille-et-Vilaine;Rennes;48.1173;-1.6778;BRE
36;Indre;Châteauroux;46.8103;1.6913;CVL
37;Indre-et-Loire;Tours;47.3941;0.6848;CVL
38;Isère;Grenoble;45.1885;5.7245;ARA
39;Jura;Lons-le-Saunier;46.6744;5.5556;BFC
40;Landes;Mont-de-Marsan;43.8902;-0.4991;NAQ
41;Loir-et-Cher;Blois;47.5861;1.3359;CVL
42;Loire;Saint-Étienne;45.4397;4.3872;ARA
43;Haute-Loire;Le Puy-en-Velay;45.0434;3.8858;ARA
44;Loire-Atlantique;Nantes;47.2184;-1.5536;PDL
45;Loiret;Orléans;47.9030;1.9093;CVL
46;Lot;Cahors;44.4475;1.4419;OCC
47;Lot-et-Garonne;Agen;44.2033;0.6163;NAQ
48;Lozère;Mende;44.5181;3.5007;OCC
49;Maine-et-Loire;Angers;47.4784;-0.5632;PDL
50;Manche;Saint-Lô;49.1158;-1.0906;NOR
51;Marne;Châlons-en-Champagne;48.9566;4.3631;GES
52;Haute-Marne;Chaumont;48.1113;5.1392;GES
53;Mayenne;Laval;48.0707;-0.7734;PDL
54;Meurthe-et-Moselle;Nancy;48.6921;6.1844;GES
55;Meuse;Bar-le-Duc;48.7727;5.1600;GES
56;Morbihan;Vannes;47.6582;-2.7608;BRE
57;Moselle;Metz;49.1193;6.1757;GES
58;Nièvre;Nevers;46.9908;3.1590;BFC
59;Nord;Lille;50.6292;3.0573;HDF
60;Oise;Beauvais;49.4295;2.0807;HDF
61;Orne;Alençon;48.4329;0.0913;NOR
62;Pas-de-Calais;Arras;50.2910;2.7775;HDF
63;Puy-de-Dôme;Clermont-Ferrand;45.7772;3.0870;ARA
64;Pyrénées-Atlantiques;Pau;43.2951;-0.3708;NAQ
65;Hautes-Pyrénées;Tarbes;43.2328;0.0781;OCC
66;Pyrénées-Orientales;Perpignan;42.6887;2.8948;OCC
67;Bas-Rhin;Strasbourg;48.5734;7.7521;GES
68;Haut-Rhin;Colmar;48.0794;7.3585;GES
69;Rhône;Lyon;45.7640;4.8357;ARA
70;Haute-Saône;Vesoul;47.6198;6.1543;BFC
71;Saône-et-Loire;Mâcon;46.3069;4.8287;BFC
72;Sarthe;Le Mans;48.0061;0.1996;PDL
73;Savoie;Chambéry;45.5646;5.9178;ARA
74;Haute-Savoie;Annecy;45.8992;6.1294;ARA
75;Paris;Paris;48.8566;2.3522;IDF
76;Seine-Maritime;Rouen;49.4432;1.0999;NOR
77;Seine-et-Marne;Melun;48.5421;2.6554;IDF
78;Yvelines;Versailles;48.8049;2.1204;IDF
79;Deux-Sèvres;Niort;46.3237;-0.4588;NAQ
80;Somme;Amiens;49.8941;2.2958;HDF
81;Tarn;Albi;43.9289;2.1464;OCC
82;Tarn-et-Garonne;Montauban;44.0176;1.3550;OCC
83;Var;Toulon;43.1242;5.9280;PAC
84;Vaucluse;Avignon;43.9493;4.8055;PAC
85;Vendée;La Roche-sur-Yon;46.6705;-1.4260;PDL
86;Vienne;Poitiers;46.5802;0.3404;NAQ
87;Haute-Vienne;Limoges;45.8336;1.2611;NAQ
88;Vosges;Épinal;48.1724;6.4496;GES
89;Yonne;Auxerre;47.7982;3.5673;BFC
90;Territoire de Belfort;Belfort;47.6380;6.8628;BFC
91;Essonne;Évry-Courcouronnes;48.6290;2.4410;IDF
92;Hauts-de-Seine;Nanterre;48.8924;2.2071;IDF
93;Seine-Saint-Denis;Bobigny;48.9077;2.4397;IDF
94;Val-de-Marne;Créteil;48.7904;2.4556;IDF
95;Val-d'Oise;Cergy;49.0364;2.0761;IDF
971;Guadeloupe;Basse-Terre;15.9985;-61.7261;GP
972;Martinique;Fort-de-France;14.6161;-61.0588;MQ
973;Guyane;Cayenne;4.9372;-52.3260;GF
974;La Réunion;Saint-Denis;-20.8823;55.4504;RE
976;Mayotte;Mamoudzou;-12.7806;45.2278;YT
"""

# slug;name_fr;name_en;lat;lon (town hall);department
CITIES = """
paris;Paris;Paris;48.8566;2.3522;75
marseille;Marseille;Marseille;43.2965;5.3698;13
lyon;Lyon;Lyon;45.7640;4.8357;69
toulouse;Toulouse;Toulouse;43.6047;1.4442;31
nice;Nice;Nice;43.7102;7.2620;06
nantes;Nantes;Nantes;47.2184;-1.5536;44
montpellier;Montpellier;Montpellier;43.6108;3.8767;34
strasbourg;Strasbourg;Strasbourg;48.5734;7.7521;67
bordeaux;Bordeaux;Bordeaux;44.8378;-0.5792;33
lille;Lille;Lille;50.6292;3.0573;59
rennes;Rennes;Rennes;48.1173;-1.6778;35
toulon;Toulon;Toulon;43.1242;5.9280;83
reims;Reims;Reims;49.2583;4.0317;51
saint-etienne;Saint-Étienne;Saint-Étienne;45.4397;4.3872;42
le-havre;Le Havre;Le Havre;49.4944;0.1079;76
villeurbanne;Villeurbanne;Villeurbanne;45.7719;4.8902;69
dijon;Dijon;Dijon;47.3220;5.0415;21
angers;Angers;Angers;47.4784;-0.5632;49
grenoble;Grenoble;Grenoble;45.1885;5.7245;38
nimes;Nîmes;Nîmes;43.8367;4.3601;30
aix-en-provence;Aix-en-Provence;Aix-en-Provence;43.5297;5.4474;13
clermont-ferrand;Clermont-Ferrand;Clermont-Ferrand;45.7772;3.0870;63
le-mans;Le Mans;Le Mans;48.0061;0.1996;72
brest;Brest;Brest;48.3904;-4.4861;29
tours;Tours;Tours;47.3941;0.6848;37
amiens;Amiens;Amiens;49.8941;2.2958;80
limoges;Limoges;Limoges;45.8336;1.2611;87
annecy;Annecy;Annecy;45.8992;6.1294;74
perpignan;Perpignan;Perpignan;42.6887;2.8948;66
boulogne-billancourt;Boulogne-Billancourt;Boulogne-Billancourt;48.8397;2.2399;92
metz;Metz;Metz;49.1193;6.1757;57
besancon;Besançon;Besançon;47.2378;6.0241;25
orleans;Orléans;Orléans;47.9030;1.9093;45
saint-denis;Saint-Denis;Saint-Denis;48.9362;2.3574;93
argenteuil;Argenteuil;Argenteuil;48.9472;2.2467;95
rouen;Rouen;Rouen;49.4432;1.0999;76
montreuil;Montreuil;Montreuil;48.8638;2.4485;93
mulhouse;Mulhouse;Mulhouse;47.7508;7.3359;68
caen;Caen;Caen;49.1829;-0.3707;14
nancy;Nancy;Nancy;48.6921;6.1844;54
roubaix;Roubaix;Roubaix;50.6942;3.1746;59
tourcoing;Tourcoing;Tourcoing;50.7239;3.1612;59
nanterre;Nanterre;Nanterre;48.8924;2.2071;92
vitry-sur-seine;Vitry-sur-Seine;Vitry-sur-Seine;48.7875;2.3928;94
creteil;Créteil;Créteil;48.7904;2.4556;94
avignon;Avignon;Avignon;43.9493;4.8055;84
poitiers;Poitiers;Poitiers;46.5802;0.3404;86
dunkerque;Dunkerque;Dunkirk;51.0343;2.3768;59
pau;Pau;Pau;43.2951;-0.3708;64
la-rochelle;La Rochelle;La Rochelle;46.1603;-1.1511;17
ajaccio;Ajaccio;Ajaccio;41.9192;8.7386;2A
bastia;Bastia;Bastia;42.6977;9.4508;2B
"""

RUNGIS = (
    "FR-RUNGIS",
    "Rungis (marché d'intérêt national)",
    "Rungis (wholesale market)",
    "rungis|min de rungis|marche de rungis|rungis market",
    48.75,
    2.35,
)

DEPT_NAME_EN = {
    "973": "French Guiana",
    "974": "Réunion",
    "2A": "Corse-du-Sud (South Corsica)",
    "2B": "Haute-Corse (Upper Corsica)",
}
OVERSEAS_DEPT = {"971": "GP", "972": "MQ", "973": "GF", "974": "RE", "976": "YT"}

PLACES_HEADER = [
    "code",
    "kind",
    "country",
    "iso3",
    "name_fr",
    "name_en",
    "aliases",
    "lat",
    "lon",
    "hemisphere",
    "group",
    "seaport",
    "airport",
    "grid_g_co2e_per_kwh",
    "grid_year",
]
PORTS_HEADER = ["code", "kind", "name", "country", "lat", "lon"]
SEA_HEADER = ["from_port", "to_port", "distance_km", "source", "source_id"]


def rows(table: str, n: int) -> list[list[str]]:
    out = []
    for line in table.strip().splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split(";", n - 1)
            if len(parts) != n:
                raise SystemExit(f"bad table line ({len(parts)} fields, want {n}): {line}")
            out.append([p.strip() for p in parts])
    return out


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def join_aliases(*groups: str | list[str], exclude: tuple[str, ...] = ()) -> str:
    """|-joined aliases, duplicates and names equal to an excluded name removed."""
    seen = {e.casefold() for e in exclude}
    out: list[str] = []
    for g in groups:
        items = g.split("|") if isinstance(g, str) else g
        for a in items:
            a = a.strip()
            if a and a.casefold() not in seen:
                seen.add(a.casefold())
                out.append(a)
    return "|".join(out)


def hemisphere(lat: float) -> str:
    return "N" if lat >= 0 else "S"


def fmt(x: float, nd: int = 4) -> str:
    s = f"{x:.{nd}f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def reference_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    if os.environ.get("FOOTPRINT_REFERENCE"):
        return Path(os.environ["FOOTPRINT_REFERENCE"])
    for cand in (ROOT.parent / "shared" / "reference", ROOT / "shared" / "reference"):
        if cand.is_dir():
            return cand
    raise SystemExit("shared/reference not found; pass --reference DIR")


def load_grid(ref: Path) -> dict[str, tuple[str, int]]:
    """ISO3 -> (g CO2e/kWh as printed in the file, year), latest year <= 2024."""
    best: dict[str, tuple[str, int]] = {}
    with (ref / OWID_CSV).open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            code, year = r["Code"].strip(), int(r["Year"])
            value = r["Carbon intensity of electricity per kWh"].strip()
            if not code or code.startswith("OWID") or not value or year > GRID_SOURCE_YEAR_MAX:
                continue
            if code not in best or year > best[code][1]:
                best[code] = (value, year)
    return best


def build_ports() -> tuple[list[list[str]], dict[str, list[str]]]:
    out, by_code = [], {}
    for code, kind, name, country, lat, lon in rows(PORTS, 6):
        row = [code, kind, name, country, fmt(float(lat)), fmt(float(lon))]
        if code in by_code:
            raise SystemExit(f"duplicate port {code}")
        by_code[code] = row
        out.append(row)
    return out, by_code


def corsican_port(lat: float, lon: float) -> str:
    """Ajaccio (south-west) or Bastia (north-east) for a point in Corsica, else ""."""
    if not (41.3 <= lat <= 43.1 and 8.5 <= lon <= 9.6):
        return ""
    return "FRBIA" if lat + (lon - 9.0) > 42.3 else "FRAJA"


def build_places(grid: dict[str, tuple[str, int]]) -> list[list[str]]:
    out: list[list[str]] = []
    countries: dict[str, list[str]] = {}

    def grid_of(iso3: str) -> tuple[str, str]:
        if iso3 in grid:
            return grid[iso3][0], str(grid[iso3][1])
        return "", ""

    for code, iso3, nfr, nen, aliases, lat, lon, sea, air, _ref in rows(COUNTRIES, 10):
        la, lo = float(lat), float(lon)
        kind = "territory" if code in TERRITORIES else "country"
        group = "france" if code == "FR" else "eu" if code in EU else "europe" if code in EUROPE else "world"
        al = join_aliases(aliases, [ascii_fold(nfr), ascii_fold(nen)], exclude=(nfr, nen, code, iso3))
        g, gy = grid_of(iso3)
        row = [code, kind, code, iso3, nfr, nen, al, fmt(la), fmt(lo), hemisphere(la), group, sea, air, g, gy]
        countries[code] = row
        out.append(row)

    fr = countries["FR"]
    fr_grid = (fr[13], fr[14])

    def sub(
        code: str, kind: str, nfr: str, nen: str, aliases: str, la: float, lo: float, country: str = "FR"
    ) -> list[str]:
        if country == "FR":
            group, grid_v = "france", fr_grid
        else:  # overseas department or region: transport-wise far, own grid
            group, grid_v = "world", (countries[country][13], countries[country][14])
        # Corsica reaches the mainland by ro-ro ferry: its places name their ferry port
        seaport = corsican_port(la, lo) if country == "FR" else ""
        return [
            code,
            kind,
            country,
            "",
            nfr,
            nen,
            aliases,
            fmt(la),
            fmt(lo),
            hemisphere(la),
            group,
            seaport,
            "",
            *grid_v,
        ]

    # Regions first, then cities (so "Lyon" finds the city), then departments.
    for code, nfr, nen, aliases, lat, lon, _capital in rows(REGIONS, 7):
        country = code[3:] if code[3:] in TERRITORIES else "FR"
        al = join_aliases(aliases, [ascii_fold(nfr), ascii_fold(nen)], exclude=(nfr, nen, code))
        out.append(sub(code, "region", nfr, nen, al, float(lat), float(lon), country))

    r = RUNGIS
    out.append(sub(r[0], "city", r[1], r[2], r[3], r[4], r[5]))
    for slug, nfr, nen, lat, lon, _dept in rows(CITIES, 6):
        extra = [ascii_fold(nfr)]
        if nfr.startswith("Saint-"):
            extra.append("St-" + nfr[6:])
            extra.append("St " + ascii_fold(nfr[6:]))
        if slug == "saint-denis":
            extra.append("Saint-Denis (93)")
        out.append(
            sub(
                f"FR-CITY-{slug}",
                "city",
                nfr,
                nen,
                join_aliases(extra, exclude=(nfr, nen)),
                float(lat),
                float(lon),
            )
        )

    for num, name, pref, lat, lon, _region in rows(DEPARTMENTS, 6):
        aliases = [num]
        if num.isdigit() and num.startswith("0"):
            aliases.append(num.lstrip("0"))
        if num in ("2A", "2B"):
            aliases.append("20" + num[1])  # 20A / 20B, seen in older files
        aliases += [ascii_fold(name), pref, ascii_fold(pref), f"dept {num}", f"departement {num}"]
        country = OVERSEAS_DEPT.get(num, "FR")
        en = DEPT_NAME_EN.get(num, name)
        out.append(
            sub(
                f"FR-{num}",
                "department",
                name,
                en,
                join_aliases(aliases, exclude=(name, f"FR-{num}")),
                float(lat),
                float(lon),
                country,
            )
        )
    return out


def sea_distances(ports: dict[str, list[str]], places: list[list[str]]) -> list[list[str]]:
    import searoute as sr

    seaports = [c for c, p in ports.items() if p[1] == "sea"]
    french = [c for c in seaports if ports[c][3] == "FR"]
    pairs: list[tuple[str, str]] = []
    seen: set[frozenset[str]] = set()

    def add(a: str, b: str) -> None:
        if a != b and frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            pairs.append((a, b))

    for a in seaports:
        if ports[a][3] != "FR":
            for hub in HUBS:
                add(a, hub)
    for i, a in enumerate(french):
        for b in french[i + 1 :]:
            add(a, b)
    out = []
    for a, b in pairs:
        pa, pb = ports[a], ports[b]
        o = (float(pa[5]), float(pa[4]))
        d = (float(pb[5]), float(pb[4]))
        feat = sr.searoute(o, d, units="km", append_orig_dest=APPEND_ORIG_DEST)
        km = feat["properties"]["length"]
        if not km or km != km or km == float("inf"):
            raise SystemExit(f"no sea route {a} -> {b}")
        ident = f"searoute(({pa[5]},{pa[4]}),({pb[5]},{pb[4]}),units=km,append_orig_dest=True)"
        out.append([a, b, str(round(km)), "searoute-1.6", ident])
    return out


def to_csv(header: list[str], body: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(body)
    return buf.getvalue()


def check_tables(places: list[list[str]], ports: dict[str, list[str]]) -> None:
    """Cheap consistency checks beyond the schema (run at every build)."""
    codes = [p[0] for p in places]
    dup = {c for c in codes if codes.count(c) > 1}
    if dup:
        raise SystemExit(f"duplicate place codes: {sorted(dup)}")
    for p in places:
        for col in (11, 12):
            if p[col] and p[col] not in ports:
                raise SystemExit(f"{p[0]}: unknown port {p[col]}")
        if p[1] in ("country", "territory") and p[0] not in LANDLOCKED and p[0] != "FR":
            if not p[11]:
                raise SystemExit(f"{p[0]}: coastal country without seaport")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--reference",
        help="shared/reference directory (default: $FOOTPRINT_REFERENCE, else ../shared/reference)",
    )
    ap.add_argument("--out", default=str(DATA), help="output directory (default: data/)")
    ap.add_argument("--check", action="store_true", help="compare with the files, write nothing")
    args = ap.parse_args(argv)

    grid = load_grid(reference_dir(args.reference))
    port_rows, ports = build_ports()
    places = build_places(grid)
    check_tables(places, ports)
    sea = sea_distances(ports, places)
    files = {
        "places.csv": to_csv(PLACES_HEADER, places),
        "ports.csv": to_csv(PORTS_HEADER, port_rows),
        "sea_distances.csv": to_csv(SEA_HEADER, sea),
    }
    out = Path(args.out)
    differ = []
    for name, text in files.items():
        path = out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                differ.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    n_c = sum(1 for p in places if p[1] in ("country", "territory"))
    print(
        f"places: {len(places)} rows ({n_c} countries/territories); ports: {len(port_rows)}; "
        f"sea distances: {len(sea)}",
        file=sys.stderr,
    )
    if differ:
        print("differs from the committed files: " + ", ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
