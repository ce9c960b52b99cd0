#!/usr/bin/env python3
"""Rebuild the word lists that crates/deid-core embeds (crates/deid-core/lists/).

Usage:
    python3 scripts/build_lists.py
        Creates a throw-away virtual environment in a temporary directory,
        pip-installs the pinned source packages (see PINS) into it and builds
        every list from them.

    python3 scripts/build_lists.py --site-packages DIR
        Uses packages already installed in DIR (a site-packages directory)
        instead of creating a venv. The versions found there are recorded in
        SOURCES.md; a warning is printed when they differ from PINS.

Options:
    --out DIR        output directory (default: crates/deid-core/lists next to
                     this script's repository root)

Only the Python standard library is used here, plus the packages in PINS (and
only their data). Output is deterministic: sorted, UTF-8, LF line endings.
No i2b2/n2c2, MIMIC or PhysioNet data is read, nor anything derived from
clinical notes. philter-lite is deliberately not used: the provenance of its
word lists is undocumented.
"""

from __future__ import annotations

import argparse
import email.parser
import os
import re
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

# ---------------------------------------------------------------------------
# Pinned sources
# ---------------------------------------------------------------------------

PINS = {
    # distribution name -> version
    "names": "0.3.0",
    "wordfreq": "3.1.1",
    "zipcodes": "3.0.0",
    "us": "4.0.0",
    "Faker": "40.63.0",
}

# Runtime dependencies of wordfreq, pinned too so that its tokenizer (used by
# zipf_frequency) is the same on every rebuild. Their data is not used.
DEP_PINS = {
    "ftfy": "6.3.1",
    "langcodes": "3.5.1",
    "locate": "1.1.1",
    "msgpack": "1.2.4",
    "regex": "2026.11.19",
    "wcwidth": "0.9.4",
}

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "crates" / "deid-core" / "lists"

# Characters allowed in not_phi.txt / eponyms.txt entries.
WORD_RE = re.compile(r"[a-z][a-z'-]*")

# ---------------------------------------------------------------------------
# Hand-curated vocabulary (original to this project)
# ---------------------------------------------------------------------------
# Everything below is written by hand for deid; nothing here is fetched.
# Entries that do not match WORD_RE (e.g. "a1c", "b12", "co2") are kept in the
# lists for completeness but are filtered out of not_phi.txt and reported on
# stderr, because not_phi.txt only admits [a-z'-] words.

DRUGS_GENERIC = """
acetaminophen ibuprofen naproxen aspirin ketorolac celecoxib meloxicam diclofenac
indomethacin ketoprofen nabumetone morphine hydromorphone oxycodone hydrocodone
fentanyl methadone buprenorphine naloxone naltrexone tramadol codeine tapentadol
oxymorphone meperidine gabapentin pregabalin lidocaine bupivacaine ropivacaine
mepivacaine propofol midazolam lorazepam diazepam alprazolam clonazepam temazepam
chlordiazepoxide zolpidem trazodone ketamine etomidate succinylcholine rocuronium
vecuronium cisatracurium dexmedetomidine haloperidol quetiapine olanzapine
risperidone aripiprazole ziprasidone clozapine lurasidone paliperidone lithium
valproate divalproex lamotrigine levetiracetam phenytoin fosphenytoin
carbamazepine oxcarbazepine topiramate lacosamide phenobarbital zonisamide
sertraline fluoxetine citalopram escitalopram paroxetine venlafaxine
desvenlafaxine duloxetine bupropion mirtazapine amitriptyline nortriptyline
doxepin buspirone hydroxyzine diphenhydramine cetirizine loratadine fexofenadine
famotidine ranitidine cimetidine omeprazole pantoprazole esomeprazole
lansoprazole sucralfate ondansetron metoclopramide prochlorperazine promethazine
docusate senna sennosides bisacodyl lactulose loperamide simethicone
methylcellulose psyllium insulin glargine lispro aspart detemir degludec
metformin glipizide glyburide glimepiride pioglitazone sitagliptin linagliptin
empagliflozin dapagliflozin canagliflozin liraglutide semaglutide dulaglutide
exenatide tirzepatide lisinopril enalapril captopril ramipril benazepril
quinapril losartan valsartan irbesartan olmesartan candesartan telmisartan
sacubitril amlodipine nifedipine diltiazem verapamil nicardipine clevidipine
metoprolol atenolol carvedilol propranolol labetalol bisoprolol nadolol esmolol
nebivolol hydralazine clonidine minoxidil doxazosin terazosin prazosin
isosorbide nitroglycerin ranolazine furosemide bumetanide torsemide
hydrochlorothiazide chlorthalidone metolazone spironolactone eplerenone
triamterene amiloride acetazolamide mannitol digoxin amiodarone sotalol
dofetilide dronedarone flecainide propafenone adenosine atropine epinephrine
norepinephrine vasopressin phenylephrine dopamine dobutamine milrinone
nitroprusside isoproterenol heparin enoxaparin dalteparin warfarin apixaban
rivaroxaban dabigatran edoxaban clopidogrel prasugrel ticagrelor cilostazol
dipyridamole alteplase tenecteplase argatroban bivalirudin fondaparinux protamine
atorvastatin simvastatin rosuvastatin pravastatin lovastatin ezetimibe
fenofibrate gemfibrozil niacin evolocumab levothyroxine liothyronine methimazole
propylthiouracil prednisone prednisolone methylprednisolone dexamethasone
hydrocortisone fludrocortisone budesonide fluticasone beclomethasone mometasone
triamcinolone clobetasol betamethasone albuterol levalbuterol ipratropium
tiotropium salmeterol formoterol montelukast theophylline guaifenesin
benzonatate dextromethorphan pseudoephedrine amoxicillin ampicillin penicillin
nafcillin oxacillin dicloxacillin piperacillin tazobactam sulbactam clavulanate
cefazolin cephalexin ceftriaxone cefepime ceftazidime cefuroxime cefdinir
cefpodoxime ceftaroline cefoxitin cefotaxime meropenem imipenem ertapenem
aztreonam vancomycin linezolid daptomycin clindamycin doxycycline minocycline
tetracycline tigecycline azithromycin clarithromycin erythromycin ciprofloxacin
levofloxacin moxifloxacin gentamicin tobramycin amikacin metronidazole
nitrofurantoin fosfomycin trimethoprim sulfamethoxazole rifampin rifaximin
isoniazid pyrazinamide ethambutol fluconazole voriconazole posaconazole
itraconazole micafungin caspofungin amphotericin nystatin clotrimazole
miconazole terbinafine ketoconazole acyclovir valacyclovir famciclovir
ganciclovir valganciclovir oseltamivir remdesivir tenofovir emtricitabine
dolutegravir bictegravir raltegravir efavirenz ritonavir darunavir zidovudine
lamivudine abacavir sofosbuvir ledipasvir velpatasvir hydroxychloroquine
chloroquine ivermectin albendazole permethrin methotrexate azathioprine
mycophenolate tacrolimus cyclosporine sirolimus everolimus infliximab adalimumab
etanercept rituximab tocilizumab ustekinumab vedolizumab cyclophosphamide
cisplatin carboplatin oxaliplatin paclitaxel docetaxel doxorubicin fluorouracil
capecitabine gemcitabine tamoxifen letrozole anastrozole bevacizumab trastuzumab
pembrolizumab nivolumab imatinib vincristine cytarabine filgrastim pegfilgrastim
epoetin darbepoetin allopurinol febuxostat colchicine probenecid alendronate
risedronate zoledronic denosumab calcitonin calcitriol ergocalciferol
cholecalciferol cyanocobalamin folate thiamine pyridoxine riboflavin
multivitamin potassium magnesium calcium sodium bicarbonate phosphate ferrous
sulfate gluconate chloride citrate carbonate oxide iron zinc tamsulosin
finasteride dutasteride oxybutynin tolterodine mirabegron sildenafil tadalafil
bethanechol phenazopyridine estradiol estrogen progesterone medroxyprogesterone
norethindrone levonorgestrel testosterone oxytocin misoprostol methylergonovine
carboprost terbutaline glucagon dextrose octreotide desmopressin
methylnaltrexone baclofen cyclobenzaprine tizanidine methocarbamol donepezil
memantine rivastigmine galantamine carbidopa levodopa pramipexole ropinirole
benztropine amantadine sumatriptan rizatriptan methylphenidate amphetamine
dextroamphetamine atomoxetine modafinil nicotine varenicline disulfiram
acamprosate flumazenil physostigmine neostigmine pyridostigmine glycopyrrolate
sugammadex scopolamine meclizine dimenhydrinate mupirocin bacitracin neomycin
polymyxin chlorhexidine povidone tretinoin isotretinoin latanoprost timolol
brimonidine dorzolamide pilocarpine tropicamide cyclopentolate proparacaine
tetracaine tranexamic aminocaproic idarucizumab andexanet albumin saline
lactated electrolyte phytonadione vitamin emollient petrolatum lanolin
sevelamer cinacalcet patiromer kayexalate lokelma potassium-chloride
"""

DRUGS_BRAND = """
tylenol motrin advil aleve excedrin coumadin jantoven lasix bumex eliquis xarelto
pradaxa savaysa plavix effient brilinta lovenox lipitor zocor crestor pravachol
zetia norvasc lopressor toprol coreg tenormin zestril prinivil vasotec altace
cozaar diovan benicar entresto cardizem calan procardia imdur nitrostat lanoxin
cordarone pacerone multaq tikosyn aldactone microzide synthroid levoxyl tapazole
glucophage glucotrol amaryl actos januvia tradjenta jardiance farxiga invokana
victoza ozempic wegovy trulicity mounjaro byetta lantus basaglar toujeo humalog
novolog levemir tresiba humulin novolin protonix prilosec nexium prevacid pepcid
zantac carafate zofran reglan compazine phenergan colace senokot dulcolax
miralax imodium ativan valium xanax klonopin restoril ambien desyrel haldol
seroquel zyprexa risperdal abilify geodon clozaril latuda depakote keppra
dilantin tegretol trileptal lamictal topamax vimpat neurontin lyrica zoloft
prozac celexa lexapro paxil effexor cymbalta wellbutrin remeron elavil
pamelor buspar vistaril atarax benadryl zyrtec claritin flonase ventolin
proair xopenex atrovent duoneb spiriva advair symbicort breo singulair
tessalon mucinex augmentin keflex ancef rocephin maxipime fortaz zosyn unasyn
merrem invanz vancocin zyvox cubicin cleocin vibramycin zithromax biaxin cipro
levaquin avelox bactrim septra flagyl macrobid monurol diflucan valtrex zovirax
tamiflu veklury narcan vivitrol suboxone subutex dilaudid percocet oxycontin
roxicodone vicodin norco ultram toradol celebrex mobic indocin solumedrol
medrol decadron deltasone cortef florinef entocort pulmicort kenalog diprivan
versed precedex ketalar sublimaze anectine zemuron nimbex bridion robinul
xylocaine marcaine lidoderm heparin hep-lock flomax proscar avodart ditropan
detrol myrbetriq viagra cialis aricept namenda exelon sinemet requip mirapex
cogentin symmetrel imitrex maxalt ritalin concerta adderall vyvanse strattera
provigil chantix antabuse campral humira remicade enbrel rituxan actemra
stelara entyvio cellcept prograf neoral sandimmune rapamune keytruda opdivo
herceptin avastin gleevec neupogen neulasta procrit epogen aranesp zyloprim
uloric colcrys fosamax boniva reclast prolia tums oscal maalox mylanta
renvela sensipar veltassa pitocin cytotec methergine hemabate glucagen
sandostatin ddavp lioresal flexeril zanaflex robaxin kcentra praxbind
andexxa amicar cyklokapron xalatan timoptic alphagan trusopt
bactroban neosporin polysporin silvadene hibiclens betadine retin-a accutane
lotrimin lamisil nizoral elimite stromectol plaquenil imuran arava otezla
"""

LABS = """
troponin troponins creatinine hemoglobin hematocrit platelet platelets leukocytes
erythrocytes wbc rbc hgb hct plt mcv mch mchc rdw mpv neutrophils neutrophil
lymphocytes lymphocyte monocytes eosinophils basophils bands differential anc
sodium potassium chloride bicarbonate bun glucose calcium magnesium phosphorus
albumin protein prealbumin bilirubin alt ast alp ggt ldh lipase amylase ammonia
lactate lactic ck cpk ckmb myoglobin bnp ntprobnp nt-probnp inr pt ptt aptt
fibrinogen d-dimer dimer tsh ft4 t3 t4 free a1c hba1c crp hscrp esr sed
procalcitonin ferritin transferrin tibc iron folate b12 cortisol acth pth
prolactin lh fsh hcg beta-hcg bhcg estradiol testosterone psa cea afp ca-125
ca19-9 urinalysis ua urine sputum culture cultures gram stain abg vbg ph pco2 po2
hco3 sao2 spo2 fio2 osmolality osmolal anion gap ketones ketone
beta-hydroxybutyrate uric urate triglycerides triglyceride cholesterol ldl hdl
vldl lipid lipids panel bmp cmp cbc lft lfts coags coag crossmatch ecg ekg
echo echocardiogram tte tee eeg emg ncs ct cta mri mra mrcp pet xr cxr x-ray
xray radiograph radiography ultrasound sonogram duplex angiogram angiography
venogram fluoroscopy colonoscopy endoscopy egd ercp eus bronchoscopy biopsy
spirometry pft pfts polysomnography telemetry hiv hcv hbv hbsag hbsab hbcab rpr
vdrl fta ana anca rf ccp complement c3 c4 ige iga igg igm spep upep
immunofixation covid influenza rsv strep mrsa vre mssa c-diff cdiff pcr naat
antigen antibody antibodies titer titers blood sensitivity sensitivities
susceptibility cytology pathology histology karyotype hla g6pd haptoglobin
reticulocyte reticulocytes retic smear coombs dat ethanol etoh tox toxicology
salicylate level levels trough peak fingerstick accucheck glucometer poc
leukocyte esterase nitrite nitrites microalbumin proteinuria hematuria
clearance egfr gfr cystatin lactoferrin calprotectin occult guaiac fobt
fit stool ova parasites cortrosyn dexamethasone-suppression aldosterone renin
catecholamines metanephrines homocysteine methylmalonic lipoprotein apolipoprotein
anti-xa hit serotonin-release thromboelastography teg
bnp-level quantiferon ppd tuberculin mantoux crypto cryptococcal galactomannan
beta-d-glucan csf lumbar cell count bacterial viral fungal afb acid-fast
gram-positive gram-negative cocci rods bacilli
"""

ANATOMY_CLINICAL = """
heart lung lungs liver kidney kidneys spleen pancreas gallbladder stomach
esophagus duodenum jejunum ileum colon cecum sigmoid rectum anus appendix bladder
ureter ureters urethra prostate uterus ovary ovaries cervix vagina vulva testis
testes scrotum penis breast breasts nipple thyroid parathyroid adrenal pituitary
hypothalamus brain cerebrum cerebellum brainstem thalamus hippocampus cortex
spine spinal cord vertebra vertebrae disc skull mandible maxilla clavicle scapula
sternum rib ribs femur tibia fibula patella humerus radius ulna carpal metacarpal
phalanx phalanges pelvis sacrum coccyx hip hips knee knees ankle ankles shoulder
shoulders elbow elbows wrist wrists hand hands foot feet toe toes finger fingers
thumb heel calf thigh buttock abdomen abdominal chest thorax thoracic neck head
scalp face forehead cheek jaw chin eye eyes eyelid ear ears nose nasal mouth oral
lip lips tongue teeth tooth gums palate throat pharynx larynx epiglottis trachea
bronchus bronchi bronchiole alveoli pleura pleural diaphragm mediastinum
pericardium aorta artery arteries arterial vein veins venous capillary ventricle
ventricles atrium atria atrial ventricular valve valves mitral tricuspid aortic
pulmonic pulmonary coronary carotid femoral popliteal radial brachial jugular
subclavian iliac renal hepatic portal mesenteric splenic lymph lymphatic node
nodes skin dermis epidermis muscle muscles tendon tendons ligament ligaments
cartilage bone bones marrow nerve nerves retina cornea lens pupil pupils iris
sclera conjunctiva sinus sinuses tonsil tonsils adenoids peritoneum peritoneal
retroperitoneal inguinal axilla axillary groin flank epigastric periumbilical
suprapubic perineum quadrant lateral medial anterior posterior superior inferior
proximal distal bilateral unilateral left right dorsal ventral cervical lumbar
sacral cranial caudal occipital parietal temporal frontal
hypertension hypotension tachycardia bradycardia arrhythmia fibrillation flutter
murmur murmurs gallop edema dyspnea orthopnea tachypnea apnea hypoxia hypoxemia
cyanosis wheezing wheezes rales crackles rhonchi stridor cough hemoptysis fever
febrile afebrile chills rigors sweats fatigue malaise weakness nausea vomiting
diarrhea constipation melena hematochezia hematemesis dysphagia odynophagia
jaundice ascites cirrhosis hepatitis pancreatitis cholecystitis cholelithiasis
appendicitis diverticulitis diverticulosis colitis gastritis gastroenteritis
pneumonia bronchitis asthma copd emphysema pneumothorax effusion atelectasis
sepsis septic bacteremia cellulitis abscess osteomyelitis meningitis encephalitis
uti pyelonephritis cystitis stroke cva tia seizure seizures syncope presyncope
dizziness vertigo headache migraine delirium dementia confusion anxiety
depression psychosis schizophrenia bipolar diabetes diabetic hyperglycemia
hypoglycemia ketoacidosis dka hhs hyperkalemia hypokalemia hyponatremia
hypernatremia hypocalcemia hypercalcemia hypomagnesemia acidosis alkalosis anemia
thrombocytopenia leukocytosis leukopenia neutropenia pancytopenia coagulopathy
dvt embolism embolus thrombosis thrombus infarction infarct ischemia ischemic
nstemi stemi cad chf hfref hfpef cardiomyopathy aki ckd esrd dialysis
hemodialysis obesity obese malnutrition cachexia cancer carcinoma adenocarcinoma
lymphoma leukemia myeloma melanoma sarcoma metastasis metastases metastatic
tumor tumour neoplasm malignancy malignant benign mass lesion nodule cyst polyp
fracture fractures laceration contusion abrasion hematoma wound wounds ulcer
ulcers decubitus injury trauma pain painful tenderness tender swelling erythema
rash pruritus urticaria anaphylaxis allergy allergies allergic nkda nka
intubation intubated extubation extubated ventilator ventilation bipap cpap
oxygen cannula catheter catheters picc stent stents pacemaker defibrillator icd
cabg pci angioplasty surgery surgical postoperative preoperative perioperative
laparoscopy laparoscopic laparotomy cholecystectomy appendectomy colectomy
hysterectomy mastectomy lumpectomy thyroidectomy nephrectomy prostatectomy
tonsillectomy craniotomy thoracotomy thoracentesis paracentesis arthroplasty
amputation debridement tracheostomy gastrostomy peg colostomy ileostomy
transfusion anesthesia sedation analgesia admission admitted discharge
discharged diagnosis diagnoses prognosis history physical exam examination
assessment plan impression followup follow-up consult consultation inpatient
outpatient emergency icu micu sicu ccu nicu picu pacu ed er ward telemetry
rehab rehabilitation hospice palliative dnr dni dnar polst code vitals vital
signs symptom symptoms complaint chief presenting presented presents denies
endorses reports unremarkable remarkable negative positive normal abnormal
stable unstable acute chronic subacute worsening improving resolved resolving
mild moderate severe significant noted likely possible probable suspected
recurrent intermittent persistent progressive
"""

UNITS_ABBREV = """
mg mcg ug gm gram grams kg kilogram lb lbs pound pounds oz ml cc dl mmol
mol meq iu units unit mmhg cmh2o cm mm km in ft bpm hr hrs hour hours min
mins minute minutes sec secs second seconds wk wks yr yrs mo mos prn bid tid qid
qd qod qhs qam qpm qday q4h q6h q8h q12h q24h daily weekly nightly po iv ivp
ivpb im sc subq subcut sq sl pr pv top inh neb nebs nebulizer gtt gtts tab tabs
tablet tablets cap caps capsule capsules susp soln elixir patch ointment cream
stat npo ac pc hs od os ou au ad dx ddx hx pmh psh fh sh ros hpi cc rx tx sx fx
bx pt pts yo abd ext heent perrla perrl eomi rrr ctab ntnd nabs wnl nad aox
aaox sob doe cp nv brbpr loc rom mae dtr dtrs ue le bue ble rue lue rle lle ruq
luq rlq llq cvat jvd jvp pmi bs bm bms gcs rass cam-icu adl adls iadl
pcp np pa rn md do lpn cna msw pharmd dds phd mph bsn aprn crna rrt ot
slp ent gi gu ob gyn obgyn id cards pulm neuro psych derm ortho onc heme
nephro uro ir vs bp hr rr temp sat sats wt ht bmi io ivf kvo tko lr ns d5w
d5ns hlhs ett ngt ogt jp ivc svc ij pa-line a-line art-line
"""

# Eponyms used in clinical language (diseases, signs, scores, devices,
# operations). Possessive forms ("parkinson's", "graves'") are added automatically.
# Common surnames that are not used on their own as a clinical word ("Jones",
# "Epstein", "Barr") are left out; their hyphenated forms ("bence-jones",
# "epstein-barr") are below. Those in EPONYMS_POSSESSIVE_ONLY get only the
# possessive form ("wilson's", "murphy's", "bell's").
EPONYMS = """
fleischner parkinson alzheimer crohn foley babinski apgar glasgow hodgkin cushing addison
graves hashimoto huntington kaposi raynaud sjogren guillain barre
whipple nissen roux swan ganz mcburney kernig brudzinski romberg
trendelenburg valsalva heimlich doppler holter gram coombs tourette down
marfan wernicke korsakoff meniere bence hartmann lasik
kawasaki takayasu wegener behcet kussmaul gaucher fabry pompe
hurler klinefelter angelman rett asperger duchenne charcot
digeorge boerhaave
schatzki zenker meckel hirschsprung wilms burkitt merkel paget
korotkoff quincke osler janeway virchow trousseau homans phalen tinel finkelstein
mcmurray lachman spurling chvostek lhermitte rinne snellen schirmer tzanck
nikolsky koebner gleason breslow ranson caprini braden epley hallpike mobitz
wenckebach brugada fallot ebstein eisenmenger kerley hickman broviac groshong
penrose dobhoff yankauer bovie metzenbaum babcock kocher pfannenstiel rovsing
courvoisier billroth toupet puestow sistrunk lichtenstein shouldice
bassini pringle hasson veress reye lyme
bartholin skene sertoli leydig langerhans purkinje broca schwann hering
breuer kallmann peyronie dupuytren colles monteggia galeazzi pott
scheuermann perthes kienbock lisfranc chopart achilles eustachian fallopian auer
pappenheimer dohle tenckhoff mahurkar seldinger
""" + """
guillain-barre epstein-barr swan-ganz roux-en-y jackson-pratt bence-jones
wolff-parkinson-white charcot-marie-tooth creutzfeldt-jakob stevens-johnson
mallory-weiss zollinger-ellison prader-willi tay-sachs cheyne-stokes
wiskott-aldrich niemann-pick osgood-schlatter legg-calve-perthes
henoch-schonlein arnold-chiari dandy-walker frank-starling sengstaken-blakemore
hering-breuer
"""

# Eponyms that are common census surnames and are not a clinical word on their
# own: only the possessive ("wilson's disease", "bell's palsy") is listed.
EPONYMS_POSSESSIVE_ONLY = """
wilson murphy bell barrett bowen cullen ewing ludwig noonan horner bruton
"""

# Clinical words and letter-only abbreviations added to the curated medical
# vocabulary (some are census names: "bishop" for the Bishop score, "wells" for
# the Wells score, "nile" for West Nile virus).
CLINICAL_EXTRA = """
bishop wells nile ok okay st prn
nsr afib aflutter svt vt vfib pea rosc cpr acls bls atls mva mvc gsw etoh ivdu
sbo ugib lgib gerd bph osa htn hld dm iddm niddm lmp edc ega nsvd svd vbac
srom prom pprom sab ivf nkda ams lle avss
authenticated guarantor
"""

# Census names (first names (all census first names), surnames in the top 5000) that are
# ordinary English words, written in clinical notes far more often as words than
# as names. They are put back into not_phi.txt after the census names have been
# taken out of the wordfreq list. Hand-curated for this project.
ALSO_WORDS = [
    # ordinary words that faker lists as names somewhere
    "ale", "arenas", "bale", "bigot", "blot", "canal", "eta", "grit", "harsh", "mallet", "mare",
    "moles", "pastor", "peer", "sole", "tins", "verde", "safari",
    # very common words and function words
    "will", "do", "her", "new", "good", "see", "back", "way", "may", "day", "still",
    "best", "love", "long", "high", "little", "house", "place", "money", "free", "case",
    "person", "read", "power", "call", "head", "small", "white", "black", "law", "story",
    "hope", "means", "book", "early", "oh", "post", "young", "hand", "guy", "south",
    "true", "large", "friend", "close", "north", "light", "low", "short", "deal",
    "child", "major", "art", "west", "son", "street", "heard", "chance", "song", "word",
    "self", "field", "fields", "held", "main", "fine", "price", "land", "strong",
    "weeks", "gold", "guess", "king", "church", "east", "park", "worth", "bill", "bills",
    "blue", "green", "key", "keys", "page", "hair", "race", "daily", "mark", "marks",
    "ball", "box", "card", "wall", "walls", "rock", "peace", "brown", "cross", "miles",
    "speed", "fair", "link", "numbers", "quick", "sell", "sun", "judge", "hurt", "stock",
    "beach", "cash", "spring", "rich", "sweet", "fish", "gay", "block", "hall", "glass",
    "smart", "lake", "brand", "faith", "hill", "hills", "ring", "silver", "stone",
    "wild", "camp", "wood", "woods", "apple", "boss", "driver", "frank", "treat",
    "edge", "sides", "bear", "steel", "forest", "moon", "banks", "bank", "brothers",
    "younger", "golden", "grant", "pool", "fox", "pack", "snow", "storm", "cook",
    "kitchen", "flowers", "lay", "strange", "bird", "falls", "minor", "bright", "wing",
    "bell", "branch", "frame", "guest", "bunch", "harder", "lane", "parent", "button",
    "grace", "joy", "rice", "peak", "pounds", "sample", "samples", "lock", "wise",
    "ford", "bush", "hunt", "junior", "grey", "gray", "rush", "sharp", "bone", "loving",
    "cloud", "drew", "chase", "belt", "walker", "crystal", "pace", "bishop", "hook",
    "hunter", "ward", "gene", "cotton", "masters", "wolf", "foster", "shore", "wooden",
    "rounds", "seal", "carrier", "clay", "counts", "dawn", "weed", "autumn", "summer",
    "winter", "wells", "pat", "burden", "pleasant", "sue", "holder", "hung", "nail",
    "couch", "hammer", "sheets", "farmer", "strain", "swift", "blank", "rod", "rods",
    "sweat", "cage", "leak", "elder", "shook", "cope", "lamb", "tan", "wheat", "chin",
    "scales", "amber", "cheek", "cousins", "lance", "dye", "nickel", "peel", "shin",
    "flora", "rash", "chew", "colon", "staples", "tanner", "bland", "stump", "binder",
    "harms", "singleton", "beers", "blunt", "hay", "gross", "temple", "waters",
    "sessions", "register", "dollar", "shorter",
    "cherry", "cone", "fellows", "shields", "wills", "vest", "null", "gamble", "akin",
    "moody", "freed", "ivy", "iris", "max", "corona", "mills", "baker", "crane",
    "marsh", "moss", "reed", "hale", "sky", "rose", "june", "april", "august", "march",
    "friday", "christmas", "easter", "holiday", "english", "french", "german",
    "irish", "welsh", "roman", "settle", "sang", "fried", "flood",
    "council", "nation", "justice", "battle", "laws", "sales", "queen", "royal",
    "southern", "lord", "champion", "urban", "bond", "bonds", "pride", "mount",
    "angel", "castle", "charity", "fort", "diamond", "shell", "towns", "styles",
    "bull", "parks", "priest", "craft", "fortune", "gates", "rivers", "candy",
    "worthy", "bass", "knight", "borders", "noble", "folk", "hood", "cave", "ash",
    "shade", "bacon", "beam", "horn", "pepper", "eagle", "keen", "banner", "ham",
    "parish", "bridges", "lemon", "darling", "olive", "merchant", "beard", "burger",
    "doll", "hull", "bowling", "savage", "stack", "bolt", "heck", "rider", "buck",
    "salmon", "stark", "roller", "bean", "pond", "berry", "handy", "curry", "marble",
    "frost", "messenger", "rushing", "grove", "bloom", "dial", "dodge", "downs",
    "ginger", "monk", "painter", "fountain", "stamps", "sung", "champagne",
    "shepherd", "crews", "fry", "alley", "lively", "mock", "seals", "rains",
    "sellers", "slaughter", "swan", "hatch", "fries", "sands", "pitcher", "coats",
    "rust", "slack", "crisp", "watt", "bounds", "dent", "harness", "earnest",
    "hooks", "pointer", "cooks", "meadows", "miner", "harden", "dew",
]


def words(block: str) -> list[str]:
    return [w for w in block.split() if w]


# ---------------------------------------------------------------------------
# Faker job-title normalisation
# ---------------------------------------------------------------------------

# Faker titles whose "/" or "," structure the generic rule below gets wrong.
JOB_OVERRIDES = {
    "Estate manager/land agent": ["estate manager", "land agent"],
    "Geophysicist/field seismologist": ["geophysicist", "field seismologist"],
    "Historic buildings inspector/conservation officer": [
        "historic buildings inspector",
        "historic buildings conservation officer",
    ],
    "Senior tax professional/tax inspector": ["senior tax professional", "tax inspector"],
    "Designer, blown glass/stained glass": ["blown glass designer", "stained glass designer"],
    "Teacher, early years/pre": ["early years teacher"],
    "Solicitor, Scotland": ["solicitor"],
    "Administrator, charities/voluntary organisations": [
        "charities administrator",
        "voluntary organisations administrator",
    ],
    "Professor Emeritus": ["professor emeritus", "emeritus professor"],
    # truncated entries in faker's list (not job titles on their own)
    "Copy": [],
    "Land": [],
    "Make": [],
    "Sub": [],
    "Press sub": [],
    "Publishing copy": [],
}

# Last words of job phrases that are too generic to be a profession on their
# own (or are not one at all); every other last word becomes its own line.
NOT_HEAD_NOUNS = {
    "person", "crew", "staff", "boy", "emeritus", "associate", "streamer", "visitor",
    "runner", "handler", "processor", "professional", "worker", "assistant", "officer",
    "executive", "representative", "agent", "controller", "operator", "planner",
    "specialist", "practitioner", "coordinator", "organiser", "mentor", "blower",
    "forwarder",
}


def normalise_job(title: str) -> list[str]:
    if title in JOB_OVERRIDES:
        return JOB_OVERRIDES[title]
    t = re.sub(r"\s*\([^)]*\)", "", title).strip()  # drop "(consulting)" etc.
    if "," in t:
        head, qual = [p.strip() for p in t.split(",", 1)]
        t = f"{qual} {head}"
    t = t.lower()
    variants = [[]]
    for tok in t.split():
        opts = tok.split("/") if "/" in tok else [tok]
        variants = [v + [o] for v in variants for o in opts if o]
    return [" ".join(v) for v in variants]


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def fmt_freq(x: float) -> str:
    s = f"{x:.3f}".rstrip("0").rstrip(".")
    return s if s else "0"


def title_name(s: str) -> str:
    """'MARY' -> 'Mary', "o'brien" -> "O'Brien", 'mary-ann' -> 'Mary-Ann'."""
    return re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), s.lower())


KEEP_UPPER_CITY = {"AFB"}


def title_city(s: str) -> str:
    parts = re.split(r"([ \-])", s)
    out = []
    for p in parts:
        if p in (" ", "-") or not p:
            out.append(p)
        elif p.upper() in KEEP_UPPER_CITY:
            out.append(p.upper())
        else:
            out.append(p[0].upper() + p[1:].lower())
    return "".join(out)


def write_lines(path: Path, lines: list[str]) -> None:
    data = "".join(line + "\n" for line in lines)
    path.write_bytes(data.encode("utf-8"))


def dist_info(site: Path, dist: str) -> tuple[Path, dict]:
    norm = re.sub(r"[-_.]+", "_", dist).lower()
    for d in sorted(site.glob("*.dist-info")):
        name = d.name[: -len(".dist-info")]
        pkg = name.rsplit("-", 1)[0]
        if re.sub(r"[-_.]+", "_", pkg).lower() == norm:
            msg = email.parser.Parser().parsestr(
                (d / "METADATA").read_text(encoding="utf-8"), headersonly=True
            )
            return d, msg
    raise SystemExit(f"package {dist!r} not found in {site}")




# ---------------------------------------------------------------------------
# builders
# ---------------------------------------------------------------------------

def read_census(path: Path) -> list[tuple[str, float]]:
    rows = []
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            rows.append((parts[0], float(parts[1])))
    return rows


# Faker person providers in Latin script (plus the romanised Chinese and Japanese
# lists): first and last names from many languages, so that names the 1990
# census lacks (Liam, Priya, Oluwaseun, Nguyen) are known as names.
FAKER_NAME_LOCALES = ["en_US", "en_GB", "en_IN", "en_NG", "es_MX", "es_ES", "fr_FR", "de_DE",
                      "it_IT", "pt_BR", "pl_PL", "nl_NL", "tr_TR", "vi_VN", "sw", "yo_NG",
                      "zh_CN", "ja_JP"]
LATIN_NAME_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’ -]*")


def faker_names() -> tuple[dict[str, str], set[str]]:
    """First names (Title case -> F, M or U) and last names from faker."""
    import importlib

    first: dict[str, str] = {}
    last: set[str] = set()

    def ok(n: str) -> bool:
        return bool(LATIN_NAME_RE.fullmatch(n)) and len(n) > 1

    for loc in FAKER_NAME_LOCALES:
        p = importlib.import_module(f"faker.providers.person.{loc}").Provider
        romanized = loc in ("zh_CN", "ja_JP")
        fem = getattr(p, "first_names_female", ()) if not romanized else ()
        mal = getattr(p, "first_names_male", ()) if not romanized else ()
        every = getattr(p, "first_romanized_names" if romanized else "first_names", ())
        for n in every:
            if not ok(n):
                continue
            g = "F" if n in fem and n not in mal else "M" if n in mal and n not in fem else "U"
            if first.get(n, g) != g:
                g = "U"
            first[n] = g
        for n in getattr(p, "last_romanized_names" if romanized else "last_names", ()):
            if ok(n):
                last.add(n)
    return first, last


# Faker's name lists hold ordinary words too ("Room", "More", "Date" are surnames
# somewhere). A faker name leaves the common-word list only when it is rare as
# a word: first names below FAKER_FIRST_MAX_ZIPF, last names below FAKER_LAST_MAX_ZIPF.
FAKER_FIRST_MAX_ZIPF = 4.3
FAKER_LAST_MAX_ZIPF = 3.3


def faker_name_words() -> set[str]:
    """Lower-cased faker names that are too rare as English words to count as vocabulary."""
    import wordfreq

    first, last = faker_names()
    out = set()
    for names, limit in ((first, FAKER_FIRST_MAX_ZIPF), (last, FAKER_LAST_MAX_ZIPF)):
        for n in names:
            w = n.lower()
            if wordfreq.zipf_frequency(w, "en") < limit:
                out.add(w)
    return out


def build_first_names(site: Path) -> list[str]:
    fem = dict(read_census(site / "names" / "dist.female.first"))
    mal = dict(read_census(site / "names" / "dist.male.first"))
    rows = {}
    for raw in set(fem) | set(mal):
        pf, pm = fem.get(raw, 0.0), mal.get(raw, 0.0)
        if raw in fem and raw in mal:
            share_f = pf / (pf + pm) if pf + pm > 0 else 0.5
            g = "F" if share_f > 0.9 else "M" if share_f < 0.1 else "U"
        else:
            g = "F" if raw in fem else "M"
        # census percentages are per 100 females / per 100 males; assume an
        # even sex split to express them per million people.
        freq = (pf + pm) / 2 * 10000
        rows[title_name(raw)] = (g, freq)
    for n, g in faker_names()[0].items():
        rows.setdefault(n, (g, 0.0))
    items = sorted(rows.items(), key=lambda kv: (-round(kv[1][1], 3), kv[0]))
    return [f"{n}\t{g}\t{fmt_freq(f)}" for n, (g, f) in items]


def build_last_names(site: Path) -> list[str]:
    rows = {}
    for raw, pct in read_census(site / "names" / "dist.all.last"):
        rows[title_name(raw)] = pct * 10000
    for n in faker_names()[1]:
        rows.setdefault(n, 0.0)
    items = sorted(rows.items(), key=lambda kv: (-round(kv[1], 3), kv[0]))
    return [f"{n}\t{fmt_freq(f)}" for n, f in items]


def build_zips() -> tuple[list[str], dict]:
    import zipcodes

    rows = {}
    types: dict[str, int] = {}
    for z in zipcodes.list_all():
        code, city, st = z["zip_code"], z["city"], z["state"]
        if not (re.fullmatch(r"\d{5}", code) and re.fullmatch(r"[A-Z]{2}", st) and city):
            continue
        rows[code] = f"{code}\t{title_city(city)}\t{st}"
        types[z["zip_code_type"]] = types.get(z["zip_code_type"], 0) + 1
    return [rows[k] for k in sorted(rows)], types


def build_states() -> list[str]:
    import us

    wanted = list(us.states.STATES) + [us.states.DC] + [
        s for s in us.states.TERRITORIES if s.abbr in {"PR", "GU", "VI", "AS", "MP"}
    ]
    rows = sorted({(s.name, s.abbr) for s in wanted})
    return [f"{n}\t{a}" for n, a in rows]


# Parenthesised alternative names in faker's country strings worth keeping as
# names of their own (all taken from faker's own strings).
COUNTRY_PAREN_ALTS = {
    "Bouvetoya", "Chagos Archipelago", "Malvinas", "Vatican City State", "Slovak Republic",
}


def build_countries() -> list[str]:
    from faker.providers.address.en_US import Provider

    out = set()
    for c in Provider.countries:
        for alt in re.findall(r"\(([^)]*)\)", c):
            if alt in COUNTRY_PAREN_ALTS:
                out.add(alt)
        base = re.sub(r"\s*\([^)]*\)", "", c).strip()
        base = re.sub(r"\s+", " ", base)
        if base:
            out.add(base)
    return sorted(out)


def build_professions() -> list[str]:
    from faker.providers.job.en_US import Provider

    phrases = set()
    for title in Provider.jobs:
        for p in normalise_job(title):
            phrases.add(re.sub(r"\s+", " ", p).strip())
    heads = set()
    for p in phrases:
        last = p.split()[-1]
        if last not in NOT_HEAD_NOUNS:
            heads.add(last)
    return sorted(phrases | heads)


# wordfreq selection for not_phi.txt
WORDFREQ_N = 60000  # top_n_list size; must reach below WORDFREQ_MIN_ZIPF
WORDFREQ_MIN_ZIPF = 3.0
WORDFREQ_TOKEN_RE = re.compile(r"[a-z][a-z'-]*[a-z]|a|i")
CENSUS_TOP_FIRST = 6000
CENSUS_TOP_LAST = 5000


def possessive(w: str) -> str:
    return w + ("'" if w.endswith("s") else "'s")  # graves', parkinson's


def census_top_names(site: Path) -> tuple[set[str], set[str]]:
    """Lower-cased census first names (top CENSUS_TOP_FIRST by combined
    frequency) and surnames (top CENSUS_TOP_LAST)."""
    fem = dict(read_census(site / "names" / "dist.female.first"))
    mal = dict(read_census(site / "names" / "dist.male.first"))
    comb = {k: fem.get(k, 0.0) + mal.get(k, 0.0) for k in set(fem) | set(mal)}
    first = sorted(comb, key=lambda k: (-comb[k], k))[:CENSUS_TOP_FIRST]
    last = read_census(site / "names" / "dist.all.last")
    last = sorted(last, key=lambda kv: -kv[1])  # stable: file order breaks ties
    return ({n.lower() for n in first},
            {n.lower() for n, _ in last[:CENSUS_TOP_LAST]})


def build_wordfreq_words() -> list[str]:
    import wordfreq

    top = wordfreq.top_n_list("en", WORDFREQ_N)
    last = wordfreq.zipf_frequency(top[-1], "en")
    if len(top) < WORDFREQ_N or last >= WORDFREQ_MIN_ZIPF:
        raise SystemExit(f"wordfreq top_n_list('en', {WORDFREQ_N}) ends at zipf {last}; "
                         f"raise WORDFREQ_N so that it reaches below {WORDFREQ_MIN_ZIPF}")
    out = set()
    for w in top:
        if WORDFREQ_TOKEN_RE.fullmatch(w) and \
                wordfreq.zipf_frequency(w, "en") >= WORDFREQ_MIN_ZIPF:
            out.add(w)
    return sorted(out)


def build_not_phi(site: Path) -> tuple[list[str], list[str], list[str], dict]:
    dropped = []
    epo = set()
    for w in words(EPONYMS):
        w = w.lower()
        epo.add(w)
        if "-" not in w and "'" not in w:
            epo.add(possessive(w))
    for w in words(EPONYMS_POSSESSIVE_ONLY):
        epo.add(possessive(w.lower()))
    curated = set()
    for block in (DRUGS_GENERIC, DRUGS_BRAND, LABS, ANATOMY_CLINICAL, UNITS_ABBREV,
                  CLINICAL_EXTRA):
        curated.update(w.lower() for w in words(block))
    curated |= epo
    also = set(ALSO_WORDS)
    bad = sorted(w for w in also if not WORDFREQ_TOKEN_RE.fullmatch(w))
    if bad:
        raise SystemExit(f"ALSO_WORDS entries outside [a-z'-]: {bad}")

    first_top, last_top = census_top_names(site)
    census = first_top | last_top | faker_name_words()
    wf = build_wordfreq_words()
    wf_removed = sorted(w for w in wf if w in census)
    wf_kept = [w for w in wf if w not in census]
    also_used = sorted(also & set(wf_removed))

    stats = {
        "drugs_generic": len(set(words(DRUGS_GENERIC))),
        "drugs_brand": len(set(words(DRUGS_BRAND))),
        "labs": len(set(words(LABS))),
        "anatomy_clinical": len(set(words(ANATOMY_CLINICAL))),
        "units_abbrev": len(set(words(UNITS_ABBREV))),
        "clinical_extra": len(set(words(CLINICAL_EXTRA))),
        "eponyms_base": len({w for w in words(EPONYMS) if "'" not in w}),
        "eponyms_possessive_only": len(set(words(EPONYMS_POSSESSIVE_ONLY))),
        "wordfreq_all": len(wf),
        "wordfreq_census_removed": len(wf_removed),
        "also_words": len(also),
        "also_words_restored": len(also_used),
        "also_words_not_census": sorted(also - census),
        "curated_census": sorted(w for w in curated if w in census),
    }
    out = set(wf_kept) | also
    for w in curated:
        if WORD_RE.fullmatch(w):
            out.add(w)
        else:
            dropped.append(w)
    eponyms = sorted(w for w in epo if WORD_RE.fullmatch(w))
    return sorted(out), eponyms, sorted(dropped), stats


# ---------------------------------------------------------------------------
# SOURCES.md
# ---------------------------------------------------------------------------

def licence_of(msg) -> str:
    for key in ("License-Expression", "License"):
        v = msg.get(key)
        if v:
            lines = [x for x in v.strip().splitlines() if x.strip()]
            more = " [...]" if len(lines) > 1 else ""
            return f"{key}: {lines[0].strip()}{more}"
    return "(none in METADATA)"


def classifiers(msg) -> list[str]:
    return [c for c in msg.get_all("Classifier") or [] if c.startswith("License ::")]


def licence_files(d: Path, site: Path) -> list[str]:
    files = sorted(p for p in d.rglob("*") if p.is_file()
                   and re.match(r"(LICEN[CS]E|COPYING)", p.name, re.I))
    return [str(p.relative_to(site)) for p in files]


def write_sources(out: Path, site: Path, info: dict, counts: dict,
                  zip_types: dict, notphi_stats: dict, dropped: list[str]) -> None:
    def pkg_block(dist: str) -> str:
        d, msg = info[dist]
        lic = licence_of(msg)
        cls = classifiers(msg)
        files = licence_files(d, site)
        lines = [
            f"- package: `{msg['Name']}` version `{msg['Version']}` (PyPI, installed with "
            f"`pip install {msg['Name']}=={msg['Version']}`)",
            f"- licence in package metadata: `{lic}`"
            + (f"; classifier `{cls[0]}`" if cls else ""),
            "- licence text: "
            + (", ".join(f"`site-packages/{f}`" for f in files) if files else
               "none shipped in the wheel"),
        ]
        hp = msg.get("Home-page") or next(
            (v.split(",", 1)[1].strip() for v in msg.get_all("Project-URL") or []
             if v.lower().startswith(("homepage", "source"))), None)
        if hp:
            lines.append(f"- project: {hp}")
        return "\n".join(lines)

    p = []
    p.append("# Sources of the shipped word lists\n")
    p.append("Generated by `scripts/build_lists.py`; do not edit the lists by hand.\n")
    p.append("Rebuild (creates a temporary venv and pip-installs the pinned packages):\n")
    p.append("```sh\npython3 scripts/build_lists.py\n```\n")
    p.append("or, with the packages already installed somewhere:\n")
    p.append("```sh\npython3 scripts/build_lists.py --site-packages /path/to/site-packages\n```\n")
    p.append("All files are UTF-8 with LF line endings, sorted, without header lines. "
             "No i2b2/n2c2, MIMIC or PhysioNet data is used, nor any list derived from "
             "clinical notes. philter-lite is deliberately not used: the provenance of its "
             "word lists is undocumented.\n")

    p.append("## Files\n")
    p.append("| file | lines | content | source |\n|---|---:|---|---|")
    p.append(f"| `first_names.tsv` | {counts['first_names.tsv']} | `Name<TAB>G<TAB>freq` | names (census 1990 `dist.female.first`, `dist.male.first`, with frequencies) + Faker person providers of {len(FAKER_NAME_LOCALES)} locales (frequency 0) |")
    p.append(f"| `last_names.tsv` | {counts['last_names.tsv']} | `Name<TAB>freq` | names (census 1990 `dist.all.last`, with frequencies) + Faker person providers (frequency 0) |")
    p.append(f"| `zips.tsv` | {counts['zips.tsv']} | `zip<TAB>City<TAB>ST` | zipcodes (`zipcodes.list_all()`) |")
    p.append(f"| `states.tsv` | {counts['states.tsv']} | `Name<TAB>ST` | us (`us.states`) |")
    p.append(f"| `countries.txt` | {counts['countries.txt']} | one name per line | Faker (`faker/providers/address/en_US/__init__.py`, `Provider.countries`) |")
    p.append(f"| `professions.txt` | {counts['professions.txt']} | one phrase per line | Faker (`faker/providers/job/en_US/__init__.py`, `Provider.jobs`), normalised |")
    p.append(f"| `not_phi.txt` | {counts['not_phi.txt']} | one word per line, `[a-z'-]` only | "
             + "wordfreq (English, Zipf >= 3.0) minus top census names, + hand-curated "
             "words and medical vocabulary (original) |")
    p.append(f"| `eponyms.txt` | {counts['eponyms.txt']} | one word per line | hand-curated (original) |")
    p.append("")

    p.append("## Packages\n")
    p.append("### Faker person names (first_names.tsv, last_names.tsv, and removals from not_phi.txt)\n")
    p.append(f"- package: Faker (the same pinned version as below); files `faker/providers/person/<locale>/__init__.py`, "
             f"`Provider.first_names`, `first_names_female`, `first_names_male`, `last_names` (and the romanised lists for zh_CN and ja_JP)")
    p.append(f"- locales: {', '.join(FAKER_NAME_LOCALES)}; only names in Latin script are kept")
    p.append(f"- a Faker name is taken out of not_phi.txt when it is rare as an English word "
             f"(first names below Zipf {FAKER_FIRST_MAX_ZIPF}, last names below {FAKER_LAST_MAX_ZIPF}), unless ALSO_WORDS lists it\n")
    p.append("### names (first_names.tsv, last_names.tsv)\n")
    p.append(pkg_block("names"))
    p.append("- files used: `site-packages/names/dist.female.first`, `names/dist.male.first`, "
             "`names/dist.all.last` (US Census Bureau 1990 name frequency lists; as a work "
             "of the US federal government the underlying data is in the public domain)")
    p.append("- note: the wheel ships no licence file (only `AUTHORS.rst`); the licence is "
             "stated in METADATA: `License: MIT`, the OSI classifier, and the description's "
             "License section: \"This project is released under an MIT License. Data in the "
             "following files are public domain (derived from 1990 Census data): "
             "dist.all.last, dist.female.first, dist.male.first\".")
    p.append("- transformation: names Title-cased. `freq` = per million people = "
             "(female % + male %) / 2 x 10,000 for first names (census percentages are per "
             "sex; an even sex split is assumed) and % x 10,000 for last names. `G` is F or M "
             "when the name is in one list only, or in both with more than 90 % of the "
             "combined percentage on one side; otherwise U. "
             "Sorted by freq descending, then name.")
    p.append(f"- also used for not_phi.txt: the top {CENSUS_TOP_FIRST} first names (by "
             f"combined female + male percentage) and the top {CENSUS_TOP_LAST} surnames "
             "are taken out of the wordfreq word list (see below).\n")

    st = notphi_stats
    p.append("### wordfreq (not_phi.txt)\n")
    p.append(pkg_block("wordfreq"))
    p.append("- licence: code Apache-2.0 (METADATA `License: Apache-2.0`, "
             "`LICENSE.txt`); the word-frequency data files are distributed under the "
             "Creative Commons Attribution-ShareAlike 4.0 licence (CC BY-SA 4.0, "
             "https://creativecommons.org/licenses/by-sa/4.0/), as stated in the "
             "README's License section (in METADATA). `not_phi.txt` is derived from that "
             "data and is therefore also under CC BY-SA 4.0.")
    p.append("- attribution: word frequencies from wordfreq by Robyn Speer, "
             "https://github.com/rspeer/wordfreq/ (cite: Robyn Speer. (2022). "
             "rspeer/wordfreq: v3.0 (v3.0.2). Zenodo. "
             "https://doi.org/10.5281/zenodo.7199437). wordfreq's README states that "
             "its data includes Google Books Ngrams (http://books.google.com/ngrams), "
             "the Leeds Internet Corpus (University of Leeds Centre for Translation "
             "Studies), Wikipedia, ParaCrawl, OPUS OpenSubtitles 2018 (data from the "
             "OpenSubtitles project, http://www.opensubtitles.org/), and the SUBTLEX "
             "word lists by Marc Brysbaert et al. (SUBTLEX is freely available data, "
             "http://crr.ugent.be/programs-data/subtitle-frequencies), plus word "
             "statistics from Twitter and Reddit; see the README's \"Citations to work "
             "that wordfreq is built on\" for the full references.")
    p.append("- dependencies installed with it (code only, pinned for a reproducible "
             "tokenizer): " + ", ".join(f"`{d}=={info[d][1]['Version']}`"
                                        for d in DEP_PINS) + ".")
    p.append(f"- data: `wordfreq.top_n_list('en', {WORDFREQ_N})` (the 'best' = 'large' "
             "English list), keeping tokens that match `[a-z][a-z'-]*[a-z]` or are `a` / "
             f"`i` and have `zipf_frequency(w, 'en') >= {WORDFREQ_MIN_ZIPF}` "
             f"({st['wordfreq_all']} words).")
    p.append(f"- names removed: {st['wordfreq_census_removed']} of these are census "
             f"first names in the top {CENSUS_TOP_FIRST} or surnames in the top "
             f"{CENSUS_TOP_LAST} and are taken out. {st['also_words_restored']} of them "
             "are put back from `ALSO_WORDS` in the script, a hand-curated list "
             f"({st['also_words']} entries) of census names that are ordinary English "
             "words used as words in clinical notes (\"will\", \"may\", \"hope\", "
             "\"brown\", \"walker\", ...). The hand-curated medical vocabulary below is "
             "added after that, so eponyms that are surnames (\"parkinson\", \"foley\") "
             "are in the list too.\n")

    p.append("### zipcodes (zips.tsv)\n")
    p.append(pkg_block("zipcodes"))
    tstr = ", ".join(f"{k} {v}" for k, v in sorted(zip_types.items()))
    p.append("- data: the dataset embedded in the package's compiled module, read with "
             f"`zipcodes.list_all()`; every ZIP is kept, all types ({tstr}), active and "
             "inactive. City Title-cased (`AFB` kept upper case).")
    p.append("- upstream data, as stated in the package README (METADATA): "
             "unitedstateszipcodes.org base database, GeoNames (CC BY 4.0; used upstream "
             "for coordinates, which are not used here), USPS ZIP Locale Detail (public "
             "domain).\n")

    p.append("### us (states.tsv)\n")
    p.append(pkg_block("us"))
    p.append("- data: `us.states.STATES` (50), `us.states.DC`, and the territories PR, GU, "
             "VI, AS, MP from `us.states.TERRITORIES` (file `site-packages/us/states.py`).")
    p.append("- note: METADATA has no SPDX id or licence classifier; its `License` field "
             "holds the full licence text, which is the 3-clause BSD licence (\"Copyright (c) "
             "2014, Sunlight Labs\"), the same text as the shipped LICENSE file.\n")

    p.append("### Faker (countries.txt, professions.txt)\n")
    p.append(pkg_block("Faker"))
    p.append("- data: `Provider.countries` in `site-packages/faker/providers/address/en_US/__init__.py` "
             "(parenthesised parts removed; the alternatives Bouvetoya, Chagos Archipelago, "
             "Malvinas, Vatican City State and Slovak Republic kept as names of their own; "
             "duplicates removed) and `Provider.jobs` in "
             "`site-packages/faker/providers/job/en_US/__init__.py`.")
    p.append("- professions: \"Nurse, adult\" -> \"adult nurse\", \"Engineer, civil (consulting)\" "
             "-> \"civil engineer\" (parentheses dropped, the part after the comma moved in "
             "front), slashed alternatives expanded (\"Film/video editor\" -> \"film editor\", "
             "\"video editor\"), a few titles rewritten by hand (`JOB_OVERRIDES` in the script), "
             "lower-cased, plus the last word of each phrase as its own line (\"engineer\", "
             "\"nurse\"), except generic words such as \"person\", \"worker\", \"officer\".\n")

    p.append("## Hand-curated lists (original to this project)\n")
    p.append("The medical vocabulary merged into `not_phi.txt` and the whole of "
             "`eponyms.txt` are original to this project, written by hand into "
             "`scripts/build_lists.py` (constants `DRUGS_GENERIC`, `DRUGS_BRAND`, `LABS`, "
             "`ANATOMY_CLINICAL`, `UNITS_ABBREV`, `CLINICAL_EXTRA`, `EPONYMS`, "
             "`EPONYMS_POSSESSIVE_ONLY`, and the word list `ALSO_WORDS`); they are not copied from any "
             "source and are licensed with the rest of the workspace (`license` in the root "
             "`Cargo.toml`, Apache-2.0 at the time of writing). Counts of distinct "
             f"entries: {notphi_stats['drugs_generic']} generic drug names, "
             f"{notphi_stats['drugs_brand']} brand names, {notphi_stats['labs']} lab/test "
             f"terms, {notphi_stats['anatomy_clinical']} anatomy/clinical terms, "
             f"{notphi_stats['units_abbrev']} units/abbreviations, "
             f"{notphi_stats['clinical_extra']} further clinical words/abbreviations, "
             f"{notphi_stats['eponyms_base']} eponyms (eponyms.txt also holds their "
             "possessive forms) and "
             f"{notphi_stats['eponyms_possessive_only']} eponyms that are common surnames "
             "and are listed only in the possessive (\"wilson's\", \"bell's\").")
    if dropped:
        p.append("\nCurated entries not written to not_phi.txt because they contain "
                 "characters outside `[a-z'-]`: " + ", ".join(f"`{w}`" for w in dropped) + ".")
    p.append("")
    write_lines(out / "SOURCES.md", p)


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def bootstrap_venv() -> None:
    """Create a temp venv, install PINS, re-run this script inside it."""
    with tempfile.TemporaryDirectory(prefix="deid-lists-") as tmp:
        env_dir = Path(tmp) / "venv"
        print(f"creating venv in {env_dir}", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(env_dir)
        py = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
        subprocess.check_call(
            [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             *(f"{k}=={v}" for k, v in {**PINS, **DEP_PINS}.items())]
        )
        site = subprocess.check_output(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            text=True,
        ).strip()
        args = [str(py), str(Path(__file__).resolve()), "--site-packages", site]
        args += [a for a in sys.argv[1:]]
        raise SystemExit(subprocess.call(args))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site-packages", type=Path)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    a = ap.parse_args()
    if a.site_packages is None:
        bootstrap_venv()
        return
    site = a.site_packages.resolve()
    sys.path.insert(0, str(site))
    out = a.out
    out.mkdir(parents=True, exist_ok=True)

    info = {dist: dist_info(site, dist) for dist in {**PINS, **DEP_PINS}}
    for dist, want in {**PINS, **DEP_PINS}.items():
        got = info[dist][1]["Version"]
        if got != want:
            print(f"warning: {dist} {got} installed, {want} pinned", file=sys.stderr)

    files = {}
    files["first_names.tsv"] = build_first_names(site)
    files["last_names.tsv"] = build_last_names(site)
    files["zips.tsv"], zip_types = build_zips()
    files["states.tsv"] = build_states()
    files["countries.txt"] = build_countries()
    files["professions.txt"] = build_professions()
    not_phi, eponyms, dropped, stats = build_not_phi(site)
    files["not_phi.txt"] = not_phi
    files["eponyms.txt"] = eponyms

    for name, lines in files.items():
        write_lines(out / name, lines)
    counts = {k: len(v) for k, v in files.items()}
    write_sources(out, site, info, counts, zip_types, stats, dropped)

    total = 0
    for name in sorted(files) + ["SOURCES.md"]:
        size = (out / name).stat().st_size
        total += size
        print(f"{name:18} {counts.get(name, '-'):>7} lines {size:>9} bytes", file=sys.stderr)
    print(f"{'total':18} {'':>7}       {total:>9} bytes", file=sys.stderr)
    if dropped:
        print("curated entries dropped (charset): " + " ".join(dropped), file=sys.stderr)
    print(f"wordfreq: {stats['wordfreq_all']} words with zipf >= {WORDFREQ_MIN_ZIPF}, "
          f"{stats['wordfreq_census_removed']} census names removed, "
          f"{stats['also_words_restored']} restored from ALSO_WORDS", file=sys.stderr)
    if stats["also_words_not_census"]:
        print("ALSO_WORDS entries that are not top census names (no-op): "
              + " ".join(stats["also_words_not_census"]), file=sys.stderr)
    print("curated entries that are top census names: "
          + " ".join(stats["curated_census"]), file=sys.stderr)


if __name__ == "__main__":
    main()
