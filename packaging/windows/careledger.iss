; Inno Setup script: installs the PyInstaller folder dist\careledger as CareLedger for Windows.
; Built by .github/workflows/installers.yml (never run on the Linux machines the project uses):
;   python packaging\icons.py build\icons --ico
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\careledger.spec
;   iscc /DVersion=0.1.0 packaging\windows\careledger.iss   -> dist\CareLedger-0.1.0-setup.exe
; Uninstalling removes the program only: people's records (in %LOCALAPPDATA%\CareLedger) stay.

#ifndef Version
  #define Version "0.0.0"
#endif
#define Root "..\.."

[Setup]
AppId={{7B0C2E54-5C39-4E0B-9C55-2B7A3F0C1E0D}
AppName=CareLedger
AppVersion={#Version}
AppVerName=CareLedger {#Version}
AppPublisher=CareLedger contributors
DefaultDirName={autopf}\CareLedger
DefaultGroupName=CareLedger
DisableProgramGroupPage=yes
; A person without administrator rights can install it for themselves.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile={#Root}\LICENSE
SetupIconFile={#Root}\build\icons\careledger.ico
UninstallDisplayIcon={app}\careledger.exe
OutputDir={#Root}\dist
OutputBaseFilename=CareLedger-{#Version}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
; Inno Setup ships no Welsh messages file; the app itself is in English and Welsh.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\careledger\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\CareLedger"; Filename: "{app}\careledger.exe"; Comment: "Keep the records of a care budget"
Name: "{autodesktop}\CareLedger"; Filename: "{app}\careledger.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\careledger.exe"; Description: "{cm:LaunchProgram,CareLedger}"; Flags: nowait postinstall skipifsilent
