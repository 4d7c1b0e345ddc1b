/**
 * Function words per language, for the Latin-script language profile (see LanguageProfile in ./language). They
 * ship inside models/detectors.json with the rule tables, not in the content scripts' code.
 */
export const STOPWORDS: Record<string, string> = {
  en: "the and of to is are you your this that with for it what how why who my we they be was will not don't can't won't it's i'm if or from have has just about i when here there these those than then so do does did should would could our their his her them me us can been being into after before because which while off out over only very in on at by an a all get new more most no i'll i've you'll without like",
  es: 'el la los las de del que y en un una es por para con no se su al lo como más pero sus le ya este esta porque muy sin sobre también hay mi tu qué cómo cuando dónde nuestro ella ellos son está están fue ser todo todos tras hoy así',
  fr: "le la les de des du et est un une en dans pour pas que qui sur au aux avec ce cette il elle nous vous je ne mais ou son sa ses plus par pourquoi comment c'est l'on sont été être tout tous très selon après chez leur",
  de: 'der die das und ist nicht ein eine zu den dem mit von für auf im sich des auch es an als wie bei nach aus warum wird sind ich du wir ihr sie oder aber über noch nur einer einen vom zum zur beim wenn dass was wer kein keine jetzt neue neuen',
  pt: 'o a os as de do da dos das e é um uma em no na nos nas por para com não que se seu sua mais como mas ao à meu minha você isso este esta são foi ser pelo pela também sobre quando onde porque muito',
  it: 'il lo la gli le di del della dei delle e è un una in per con non che si da al nel nella sono come ma più questo questa perché anche degli alla alle dal dalla ecco tutto tutti',
  nl: 'de het een en van is niet op te in dat die voor met zijn er aan ook als naar maar om bij nog wat hoe nieuwe geen wordt worden door over uit tot deze dit wij jij',
  pl: 'i w z na się nie do to że jest o co jak ale po od za czy dla tak przez jego jej są być może',
  tr: 've bir bu da de için ile ne çok daha gibi mi ama olan en var yok nasıl neden değil olarak sonra kadar',
  sv: 'och att det som en på är av för med till den inte har om ett jag vad hur varför men från ska kan',
  id: 'dan yang di ini itu dengan untuk tidak dari ke ada akan saya kamu bagaimana cara juga bisa',
};
