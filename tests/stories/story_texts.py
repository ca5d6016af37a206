"""Hand-written reports for the story tests: one event told several ways, and other events
that name the same entities. Plain data; the seeds are made from them as a user writes seeds."""

from __future__ import annotations

PATRIOT = (
    "Germany to send two more Patriot systems to Ukraine as Russian strikes intensify",
    [
        "Germany will deliver two additional Patriot air defence systems to Ukraine by the end of the "
        "year, Defence Minister Boris Pistorius said on Tuesday after meeting his Ukrainian counterpart "
        "in Berlin.",
        "The announcement follows a wave of Russian missile and drone attacks on Ukrainian cities and "
        "energy infrastructure, including strikes with Kinzhal and Iskander ballistic missiles that only "
        "the Patriot can reliably intercept.",
        "Pistorius said Berlin would pay for the launchers while the United States supplies PAC-3 MSE "
        "interceptors from its own production. Germany has already handed over three Patriot batteries "
        "and several IRIS-T SLM units since 2022.",
        "Ukrainian President Volodymyr Zelensky thanked Germany and urged other NATO members to follow. "
        "Every Patriot saves lives, Zelensky wrote on social media.",
    ],
)

# Another outlet's report of the same announcement, in its own words.
PATRIOT_REWORDED = (
    "Berlin pledges another pair of Patriot batteries for Kyiv",
    [
        "Ukraine will receive two further Patriot air defence systems from Germany before the year is "
        "out, German Defence Minister Boris Pistorius announced in Berlin on Tuesday alongside his "
        "Ukrainian counterpart.",
        "The pledge comes after Russia stepped up missile and drone strikes on Ukrainian cities, firing "
        "Kinzhal and Iskander ballistic missiles at power plants. Kyiv says only Patriot interceptors "
        "can stop them.",
        "Germany will fund the launchers and Washington will provide PAC-3 MSE missiles. Berlin has "
        "delivered three Patriot batteries to Ukraine since 2022, as well as IRIS-T SLM systems.",
        "President Volodymyr Zelensky welcomed the decision and called on NATO partners to do the same.",
    ],
)

# Same entities, another event, two days later.
PATRIOT_STRUCK = (
    "Russian strike damages Patriot launcher near Kyiv, Ukraine says",
    [
        "A Russian Iskander missile damaged a Patriot launcher deployed near Kyiv overnight, Ukraine's "
        "air force said on Thursday, in the first confirmed hit on one of the German-supplied batteries "
        "this year.",
        "The crew was unhurt and the launcher will be repaired, the air force said. Russia's defence "
        "ministry claimed it had destroyed two launchers and a radar with a hypersonic Kinzhal missile.",
        "President Volodymyr Zelensky again asked Germany and other NATO members for more interceptors, "
        "saying Ukraine had used dozens of PAC-3 missiles in a week.",
    ],
)

S400_FIRST = (
    "Russia delivers first S-400 battery of new batch to Turkey",
    [
        "Russia has delivered the first S-400 Triumf battery of a second batch to Turkey, the Turkish "
        "defence ministry said on Tuesday, despite warnings of US sanctions.",
        "Il-76 transport aircraft landed at Murted air base near Ankara carrying launchers and radar "
        "parts. President Recep Tayyip Erdoğan said the purchase was a sovereign decision.",
        "Washington removed Turkey from the F-35 programme in 2019 over its first S-400 purchase and has "
        "imposed CAATSA sanctions on its defence procurement agency.",
    ],
)

# The next delivery, five weeks on: same entities, another event.
S400_SECOND = (
    "Second S-400 battery of new batch arrives in Turkey",
    [
        "A second S-400 battery of Turkey's new batch arrived at Murted air base on Thursday, five weeks "
        "after the first, the Turkish defence ministry said.",
        "The delivery was carried by Russian An-124 aircraft. Erdoğan said the systems would be "
        "operational next year, and Washington repeated that Turkey faces further sanctions over the "
        "S-400.",
    ],
)

SLING_DEAL = (
    "Finland to buy Israel's David's Sling in 317 million euro deal",
    [
        "Finland will buy the David's Sling air defence system from Israel to protect against "
        "high-altitude threats, the Finnish Defence Forces said, in a deal worth about 317 million euros.",
        "The system, developed by Rafael Advanced Defense Systems and RTX, will be Finland's first able "
        "to intercept ballistic missiles. Defence Minister Antti Häkkänen said it would significantly "
        "improve Finland's ability to defend against long-range strikes.",
        "Finland, which joined NATO in 2023 and shares a 1,340 km border with Russia, also operates NASAMS.",
    ],
)

# A month after the contract: the test firing.
SLING_TEST = (
    "Finland test-fires David's Sling for the first time",
    [
        "Finland carried out its first live firing of the David's Sling air defence system on Wednesday, "
        "intercepting a target over the Baltic Sea, the Finnish Defence Forces said.",
        "Defence Minister Antti Häkkänen watched the test with officials from Rafael Advanced Defense "
        "Systems and RTX. The system was bought last month in a 317 million euro deal.",
    ],
)

K2 = (
    "Poland signs second K2 tank contract with Hyundai Rotem",
    [
        "Poland has signed a $6.5 billion contract for 180 more K2 Black Panther main battle tanks, the "
        "largest single arms export deal in South Korea's history, the Polish Ministry of National "
        "Defence said on Friday.",
        "Deputy Prime Minister and Defence Minister Władysław Kosiniak-Kamysz said the second batch would "
        "include 64 K2PL tanks to be assembled at Bumar-Łabędy in Gliwice from 2026.",
        "Hyundai Rotem will transfer production technology under the deal, which also covers engineering "
        "and recovery vehicles. Warsaw has already received more than 100 K2 tanks and over 150 K9 "
        "self-propelled howitzers from Hanwha Aerospace.",
    ],
)


def seed(title: str, paragraphs: list[str], day: str) -> str:
    """A seed as a user writes it: title, date line, paragraphs."""
    return f"{title}\n{day}\n\n" + "\n\n".join(paragraphs) + "\n"


# An order, another outlet's rewording that shares few words but every actor, and a
# different order of the same tank from the same maker two days later.
LEOPARD_NL = (
    "Netherlands orders 46 Leopard 2A8 tanks from KNDS",
    [
        "The Netherlands has ordered 46 Leopard 2A8 main battle tanks from KNDS Deutschland, bringing "
        "tanks back into the Dutch army more than a decade after it sold its last Leopard 2 fleet, the "
        "Dutch Ministry of Defence said on Monday.",
        "The contract, worth about 1.3 billion euros, was placed through a German framework agreement "
        "that lets allies join larger orders. Deliveries are due to start in 2028 and finish by 2030.",
        "State Secretary for Defence Gijs Tuinman said the tanks would equip a new tank battalion at "
        "Bergen-Hohne in Germany, where Dutch units already serve alongside the German 1st Panzer Division.",
        "The Leopard 2A8 carries the Trophy active protection system made by Rafael and a 120 mm smoothbore "
        "gun. Norway, the Czech Republic and Lithuania have also chosen the type.",
    ],
)

LEOPARD_NL_REWORDED = (
    "Dutch army gets its tanks back in 1.3 billion euro Leopard deal",
    [
        "Eleven years after selling off its last tanks, the Dutch army is buying them again: The Hague has "
        "signed for 46 Leopard 2A8s built by KNDS, officials confirmed.",
        "The order piggybacks on a larger German contract, a route that keeps the price down and the "
        "paperwork short. The first vehicles should arrive in 2028, the last in 2030, according to the "
        "Netherlands defence ministry.",
        "The new battalion will be based at Bergen-Hohne and will fight as part of Germany's 1st Panzer "
        "Division, defence state secretary Gijs Tuinman told parliament.",
        "Like the Czech and Norwegian versions, the Dutch Leopard 2A8 will be fitted with Rafael's Trophy "
        "protection system.",
    ],
)

LEOPARD_DE = (
    "Germany orders 123 more Leopard 2A8 tanks",
    [
        "The German Bundestag budget committee has approved the purchase of 123 additional Leopard 2A8 "
        "tanks from KNDS Deutschland, taking the Bundeswehr's total order to 246 of the type.",
        "The 2.9 billion euro contract follows a first order for 123 tanks placed in 2023. Defence Minister "
        "Boris Pistorius said the tanks were needed for the Lithuania brigade and to replace Leopard 2A6 "
        "tanks given to Ukraine.",
        "KNDS said it would raise production at its Munich plant to meet demand, which now includes orders "
        "from Norway, the Czech Republic, Lithuania and the Netherlands.",
        "The Leopard 2A8 is fitted with the Trophy active protection system and a new turret with improved "
        "armour.",
    ],
)

# One report whose headline names a system, its paragraphs reordered under a headline naming the
# organisation that showed it.
FATTAH = (
    "Iran unveils Fattah-2 hypersonic missile",
    [
        "Iran's Islamic Revolutionary Guard Corps has unveiled the Fattah-2, a missile it says carries a "
        "hypersonic glide vehicle able to manoeuvre inside and outside the atmosphere.",
        "The missile was shown to Supreme Leader Ali Khamenei at an exhibition in Tehran, state television "
        "reported. The IRGC aerospace force said it could strike targets 1,500 kilometres away.",
        "Western analysts doubt the claims. The first Fattah, shown in 2023, was used against Israel in "
        "2024, when most Iranian missiles were intercepted.",
        "Israel's defence ministry declined to comment.",
    ],
)
