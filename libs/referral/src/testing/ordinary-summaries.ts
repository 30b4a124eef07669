/**
 * Ordinary de-identified summaries, as a handläggare writes them on the
 * form when following the seed's advice ("kvinna född -63, vilka
 * utbildningar som förekommit, vilka branscher eller typer av arbetsplatser
 * som har varit aktuella"). None points out a person; every warning on
 * them is a false positive. Written for the test, pseudonymous throughout.
 */
export const ORDINARY_SUMMARIES: readonly string[] = [
  'Kvinna född -63. Ogift, två vuxna barn som hon har regelbunden kontakt med. Har arbetat inom äldreomsorgen och som lokalvårdare i ca 15 år. Sjukskriven sedan 2019 på grund av ryggbesvär och nedstämdhet.',
  'Man född 1988. Bor i egen lägenhet med stöd av boendestödjare två gånger i veckan. Diagnos ADHD, medicineras. Har tidigare arbetat på lager och inom bygg men har inte klarat att behålla en anställning längre än några månader.',
  'Kvinna, 34 år. Kom till Sverige 2016 från Syrien. Har läst sfi och klarat kurs D. Utbildad frisör i hemlandet. Vill arbeta men behöver stöd med struktur och språk i arbetslivet.',
  'Man född -71. Tidigare missbruk av alkohol, nykter sedan ca tre år och går på samtalskontakt. Har arbetat som lastbilschaufför men förlorade körkortet. Frivården avslutad 2020.',
  'Kvinna född -95. Diagnos autism och generaliserat ångestsyndrom. Fullföljde inte gymnasiet. Har haft arbetsträning inom café och kontor via Arbetsförmedlingen med varierande närvaro.',
  'Man, 52 år. Långvarig smärtproblematik efter en arbetsskada. Har arbetat inom industrin i över 20 år. Försäkringskassan har avslagit ansökan om sjukersättning och han har nu ekonomiskt bistånd.',
  'Kvinna född -80. Ensamstående med tre barn i skolåldern. Har arbetat som barnskötare. Utmattningssyndrom sedan några år, går hos psykolog på vårdcentralen. Motiverad men osäker på sin egen förmåga.',
  'Man född 1999. Ingen fullföljd gymnasieutbildning. Har aldrig haft en anställning men har praktiserat i en matbutik under sommaren. Bor hos sina föräldrar. Socialt isolerad och spelar mycket datorspel.',
  'Kvinna, 45 år. Bakgrund inom handel och restaurang. Har en neuropsykiatrisk utredning påbörjad. Tidigare kontakt med beroendevården för cannabis, drogfri sedan ett år enligt henne själv.',
  'Man född -66. Har arbetat som snickare i eget företag som gick i konkurs. Depression och sömnproblem, medicineras av läkare. Vill gärna tillbaka till ett praktiskt arbete med händerna.',
  'Kvinna född -02. Gick på särgymnasiet med inriktning hotell och restaurang. LSS-berättigad men har inte daglig verksamhet i dag. Önskar ett arbete med stöd, gärna inom kök.',
  'Man, 38 år. Kom till Sverige som ensamkommande. Har gymnasieexamen från det nationella programmet för fordon. Har haft flera korta anställningar via bemanningsföretag. Skulder hos Kronofogden.',
  'Kvinna född -58. Har arbetat som undersköterska i över 30 år. Artros i knäna och kan inte längre arbeta i vården. Har svårt att se vilket annat arbete som är möjligt.',
  'Man född -90. Psykossjukdom som är stabil med medicinering. Kontakt med psykiatrin och en kontaktperson inom socialpsykiatrin. Har deltagit i en sysselsättningsinsats med god närvaro under det senaste året.',
  'Kvinna, 27 år. Studerade på universitet men avbröt efter två terminer. Social fobi, har gått i KBT. Har arbetat extra i butik. Vill pröva ett arbete med få kundkontakter.',
  'Man född 1975. Tidigare dömd för narkotikabrott, avtjänade straff 2015. Har arbetat som svetsare. Motiverad, men har svårt att få arbete på grund av sin bakgrund.',
  'Kvinna född -84. Kom från Somalia 2012. Har ingen utbildning från hemlandet och har läst sfi på grundläggande nivå. Har tagit hand om sina barn och vill nu börja arbeta.',
  'Man, 61 år. Har arbetat som chaufför och vaktmästare. Diabetes och hjärtproblem. Har några år kvar till pension och vill göra något meningsfullt under tiden.',
  'Kvinna född -97. Diagnos ADD och dyslexi. Gick ut gymnasiet med ofullständiga betyg. Har haft arbetsträning inom djurvård som fungerade bra. Bor i en mindre ort utanför staden.',
  'Man född -83. Bipolär sjukdom, stabil sedan två år. Har högskoleutbildning inom ekonomi och har arbetat som redovisningsassistent. Sjukskriven sedan 2021 och har nu ekonomiskt bistånd.',
  'Kvinna, 49 år. Har arbetat som städare och i kök. Utsatt för våld i nära relation, skyddat boende under en period. Går i samtal hos kurator. Vill arbeta deltid till att börja med.',
  'Man född 2001. Har fullföljt gymnasiet på el-programmet men inte fått lärlingsplats. Lätt utvecklingsstörning. Har SIUS-konsulent via Arbetsförmedlingen sedan hösten.',
  'Kvinna född -69. Långvarig sjukskrivning för fibromyalgi. Har arbetat som receptionist och på kontor. Har deltagit i en rehabiliteringsinsats via regionen.',
  'Man, 44 år. Alkoholberoende, har genomgått behandling två gånger. Bor i ett boende med stöd. Har arbetat inom skogsbruk och vill helst arbeta utomhus igen.',
  'Kvinna född -91. Kom till Sverige från Eritrea. Utbildad sjuksköterska i hemlandet men utbildningen är inte validerad. Behöver svenska för yrket och praktik inom vården.',
  'Man född -79. Har haft egen restaurang. Sjukskriven för utmattning och ångest. Har gått till psykiater och har fått medicin. Vill ha ett lugnare arbete utan ansvar för personal.',
  'Kvinna, 31 år. Har en dotter med funktionsnedsättning som hon vårdar. Har arbetat som personlig assistent. Behöver ett arbete med anpassade tider.',
  'Man född -86. Hörselnedsättning och använder teckenspråk. Har arbetat inom lager och logistik. Arbetsförmedlingen har bedömt att han behöver anpassad arbetsplats.',
  'Kvinna född -73. Har varit hemma med barn i många år och har ingen arbetslivserfarenhet i Sverige. Har läst Komvux och fått grundskolebetyg. Motiverad och vill arbeta inom barnomsorg.',
  'Man, 25 år. Tidigare placerad på HVB-hem under tonåren. Har inte fullföljt grundskolan. Har arbetat svart på bilverkstad. Vill få ett riktigt arbete och en egen bostad.',
];
